#!/usr/bin/env bash
# One load-tool run against a freshly started server, as recorded in docs/benchmarks.md:
#   infra/load-benchmark.sh memory|redis [load tool options...]
# It builds the server and the tool (Release), starts the server (Development, load-test clinic seeded, loopback only)
# and, for "redis", a private redis-server on a free port with the server pointed at it; runs the tool with the
# server's pid (and Redis's) so it can read their CPU and memory; and stops everything it started by pid on exit.
# A fresh server per run keeps "memory per connection" honest (RSS before connecting is the idle server's).
# Environment:
#   IOP_LOAD_DATA        the server's data folder (default /tmp/iop-load-data): the seeded SQLite database and keys
#                        are kept, so tokens cached by the tool stay valid from run to run
#   IOP_LOAD_ROOMS       rooms to seed (default 150; the tool's --rooms must not exceed it)
#   IOP_LOAD_PORT        the server's port (default 5080). Outside Production the token issuer is the server's URL, so
#                        cached tokens are only good for the port they were issued on: keep it fixed between runs
#   IOP_LOAD_SERVER_DIR  a server build to run instead of this checkout's (before/after comparisons)
#   IOP_LOAD_NO_BUILD=1  skip the build
set -euo pipefail

MODE=${1:-memory}
shift || true
case "$MODE" in memory | redis) ;; *)
  echo "usage: $0 memory|redis [load tool options]" >&2
  exit 2
  ;;
esac

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${IOP_LOAD_DATA:-/tmp/iop-load-data}
ROOMS=${IOP_LOAD_ROOMS:-150}
SERVER_DIR=${IOP_LOAD_SERVER_DIR:-$REPO/src/IopTelehealth.Server/bin/Release/net10.0}
TOOL=$REPO/src/IopTelehealth.LoadTool/bin/Release/net10.0/IopTelehealth.LoadTool.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

SERVER_PID=""
REDIS_PID=""
LOG=$(mktemp -d /tmp/iop-load-run.XXXXXX)
on_exit() {
  local rc=$?
  trap - EXIT INT TERM
  for pid in $SERVER_PID $REDIS_PID; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in $SERVER_PID $REDIS_PID; do
    while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
  done
  rm -rf "$LOG"
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

if [[ "${IOP_LOAD_NO_BUILD:-}" != 1 ]]; then
  dotnet build "$REPO/src/IopTelehealth.Server" -c Release --disable-build-servers -nologo -v:quiet
  dotnet build "$REPO/src/IopTelehealth.LoadTool" -c Release --disable-build-servers -nologo -v:quiet
fi

SERVER_ARGS=()
TOOL_ARGS=()
if [[ "$MODE" == redis ]]; then
  REDIS_PORT=$(free_port)
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no >"$LOG/redis.log" 2>&1 &
  REDIS_PID=$!
  until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 0.1; done
  SERVER_ARGS+=("--Redis:Configuration=127.0.0.1:$REDIS_PORT")
  TOOL_ARGS+=(--redis-pid "$REDIS_PID")
fi

PORT=${IOP_LOAD_PORT:-5080}
# The content root is the build folder (appsettings*.json); Development enables the load-test seeding.
(cd "$SERVER_DIR" && exec env ASPNETCORE_ENVIRONMENT=Development dotnet IopTelehealth.Server.dll --urls "http://127.0.0.1:$PORT" \
  --Storage:DataDirectory="$DATA" --Demo:LoadTestRooms="$ROOMS" --Logging:LogLevel:Default=Warning "${SERVER_ARGS[@]}") >"$LOG/server.log" 2>&1 &
SERVER_PID=$!
deadline=$((SECONDS + 120))
until grep -q "IopTelehealth is listening" "$LOG/server.log"; do
  if ! kill -0 "$SERVER_PID" 2>/dev/null || ((SECONDS > deadline)); then
    cat "$LOG/server.log" >&2
    exit 1
  fi
  sleep 0.2
done

echo "server pid $SERVER_PID on port $PORT ($MODE)${REDIS_PID:+, redis pid $REDIS_PID}; load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet "$TOOL" --server "http://127.0.0.1:$PORT" --server-pid "$SERVER_PID" --token-cache "$DATA/load-tool-tokens.json" \
  --baseline-port "$(free_port)" "${TOOL_ARGS[@]}" "$@"
