#!/usr/bin/env bash
# The browser media measurements of docs/benchmarks.md ("Browser media"), as root (the test network namespace):
#   infra/media-benchmark.sh join sfu|mesh [runs]     click on Join → first decoded remote frame (default 9 runs + a warm-up)
#   infra/media-benchmark.sh cpu sfu|mesh [seconds]   4 browsers in one room: CPU of server, Janus, browsers (default 30 s)
# It builds tests/IopTelehealth.MediaBenchmark (Release) outside the namespace (restore needs the network), creates a
# namespace of its own (infra/lib/netns.sh), runs the tool inside it (the tool starts the server, a private Janus for
# sfu, and Chromium, and stops them), and deletes the namespace on exit. Prints the load average before and after.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib/netns.sh"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# WebApplicationFactory finds a test project's server by attributes the tool does not carry: name its content root.
export ASPNETCORE_TEST_CONTENTROOT_IOPTELEHEALTH_SERVER="$REPO/src/IopTelehealth.Server"

[[ $# -ge 2 ]] || { echo "usage: $0 join|cpu sfu|mesh [runs|seconds]" >&2; exit 2; }
if [[ "${IOP_BENCH_NO_BUILD:-}" != 1 ]]; then
  dotnet build "$REPO/tests/IopTelehealth.MediaBenchmark/IopTelehealth.MediaBenchmark.csproj" -c Release --disable-build-servers -v q -nologo
fi

trap netns_delete EXIT INT TERM
netns_create
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); commit $(git -C "$REPO" rev-parse --short HEAD)"
"${NETNS_EXEC[@]}" dotnet "$REPO/tests/IopTelehealth.MediaBenchmark/bin/Release/net10.0/IopTelehealth.MediaBenchmark.dll" "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
