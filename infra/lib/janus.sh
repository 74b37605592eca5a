# shellcheck shell=bash
# shellcheck disable=SC2034  # the JANUS_* variables are this library's outputs to the sourcing script
# A throwaway Janus (VideoRoom only) on free 127.0.0.1 ports, configured from infra/janus (render-config.sh).
# Source this file, then optionally set JANUS_RUN to a command prefix (the test namespace: JANUS_RUN=("${NETNS_EXEC[@]}")),
# call janus_start, and call janus_stop from your EXIT trap. janus_start sets:
#   JANUS_WS_URL (ws://127.0.0.1:<port>/), JANUS_HTTP_URL, JANUS_API_SECRET, JANUS_ADMIN_KEY, JANUS_PID, JANUS_ROOT.
# Optional inputs: JANUS_SESSION_TIMEOUT, JANUS_EVENTS_BACKEND/USER/PASSWORD (see render-config.sh).

JANUS_LIB_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/process.sh"
JANUS_RUN=()
JANUS_ROOT=""
JANUS_PID=""
JANUS_WS_URL=""
JANUS_HTTP_URL=""
JANUS_READY_TIMEOUT_SECONDS="${JANUS_READY_TIMEOUT_SECONDS:-30}"

janus_secret() { od -An -tx1 -N24 /dev/urandom | tr -d ' \n'; }

# POST {"janus":"info"} to the HTTP API; true when Janus answers server_info.
janus_answers_info() {
  local port=$1
  # shellcheck disable=SC2016  # expanded by the inner shell
  "${JANUS_RUN[@]}" timeout 3 bash -c '
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    body="{\"janus\":\"info\",\"transaction\":\"ready\"}"
    printf "POST /janus HTTP/1.0\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s" "${#body}" "$body" >&3
    grep -q "\"server_info\"" <&3' _ "$port" 2>/dev/null
}

janus_alive() { proc_alive "$JANUS_PID"; }

janus_start() {
  command -v janus >/dev/null || { echo "janus not found (apt-get install janus)" >&2; return 1; }
  JANUS_ROOT=$(mktemp -d -t iop-janus.XXXXXX)
  JANUS_API_SECRET=$(janus_secret)
  JANUS_ADMIN_KEY=$(janus_secret)
  local attempt ws_port http_port rtp_base
  for attempt in 1 2 3; do
    ws_port=$(pick_loopback_port "${JANUS_RUN[@]}") || return 1
    http_port=$(pick_loopback_port "${JANUS_RUN[@]}") || return 1
    rtp_base=$((40000 + (RANDOM % 20) * 1000))
    JANUS_WS_PORT=$ws_port JANUS_HTTP_PORT=$http_port JANUS_API_SECRET=$JANUS_API_SECRET \
      JANUS_ADMIN_SECRET=$(janus_secret) JANUS_ADMIN_KEY=$JANUS_ADMIN_KEY \
      JANUS_RTP_PORT_RANGE="$rtp_base-$((rtp_base + 999))" \
      "$JANUS_LIB_ROOT/janus/render-config.sh" "$JANUS_ROOT/conf" || return 1
    # ip netns exec and exec keep the pid: JANUS_PID is Janus itself.
    (cd "$JANUS_ROOT" && exec "${JANUS_RUN[@]}" janus -F "$JANUS_ROOT/conf" -N -L "$JANUS_ROOT/janus.log") >/dev/null 2>&1 &
    JANUS_PID=$!
    if janus_wait_ready "$http_port"; then
      JANUS_WS_URL="ws://127.0.0.1:$ws_port/"
      JANUS_HTTP_URL="http://127.0.0.1:$http_port/janus"
      return 0
    fi
    echo "Janus did not start (attempt $attempt); log:" >&2
    tail -n 20 "$JANUS_ROOT/janus.log" >&2 || true
    janus_stop_server
  done
  return 1
}

# Polls the info request until Janus answers, dies, or the deadline passes.
janus_wait_ready() {
  local port=$1 deadline=$((SECONDS + JANUS_READY_TIMEOUT_SECONDS))
  while ((SECONDS < deadline)); do
    if janus_answers_info "$port"; then return 0; fi
    janus_alive || return 1
    sleep 0.2
  done
  echo "Janus was not ready within ${JANUS_READY_TIMEOUT_SECONDS}s" >&2
  return 1
}

# SIGINT is Janus's own clean shutdown; a Janus that does not stop in time is killed by its pid.
janus_stop_server() {
  proc_stop "$JANUS_PID" INT 10
  JANUS_PID=""
}

janus_stop() {
  janus_stop_server
  if [[ -n "$JANUS_ROOT" ]]; then
    rm -rf "$JANUS_ROOT"
    JANUS_ROOT=""
  fi
}
