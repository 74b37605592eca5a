#!/usr/bin/env bash
# Janus and coturn on this machine for holding video groups through the SFU (README "Video groups"):
#   infra/media-dev.sh [interface]
# Janus (VideoRoom only, transports on 127.0.0.1, ICE candidates on <interface>, default: the one of the default
# route) and coturn (use-auth-secret, on that interface's IPv4 address, port 3478) start with fresh random secrets, in
# temporary folders. The script prints the settings to start the server with, and Ctrl-C stops both by their pids and
# deletes their folders. Needs the Debian packages janus and coturn (apt-get install janus coturn).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib/janus.sh"

IFACE=${1:-$(ip route show default 2>/dev/null | awk '{print $5; exit}')}
[[ -n "$IFACE" ]] || { echo "no default route: name the network interface browsers reach this machine on" >&2; exit 2; }
ADDRESS=$(ip -4 -o addr show dev "$IFACE" | awk '{split($4, a, "/"); print a[1]; exit}')
[[ -n "$ADDRESS" ]] || { echo "interface $IFACE has no IPv4 address" >&2; exit 2; }
command -v turnserver >/dev/null || { echo "turnserver not found (apt-get install coturn)" >&2; exit 1; }

TURN_PID=""
TURN_DIR=""
on_exit() {
  trap - EXIT INT TERM
  proc_stop "$TURN_PID" TERM 5
  [[ -n "$TURN_DIR" ]] && rm -rf "$TURN_DIR"
  janus_stop
}
trap on_exit EXIT INT TERM

export JANUS_ICE_ENFORCE_LIST=$IFACE
janus_start

TURN_DIR=$(mktemp -d -t iop-coturn.XXXXXX)
TURN_SECRET=$(janus_secret)
TURN_PORT=${TURN_PORT:-3478} TURN_SECRET=$TURN_SECRET TURN_STATE_DIR=$TURN_DIR TURN_LISTENING_IP=$ADDRESS TURN_RELAY_IP=$ADDRESS \
  "$REPO/infra/coturn/render-config.sh" "$TURN_DIR/turnserver.conf"
turnserver -c "$TURN_DIR/turnserver.conf" --log-file "$TURN_DIR/turn.log" --pidfile "$TURN_DIR/turn.pid" >/dev/null 2>&1 &
TURN_PID=$!

cat <<EOM
Janus (pid $JANUS_PID) on $JANUS_WS_URL, ICE on $IFACE ($ADDRESS); coturn (pid $TURN_PID) on $ADDRESS:${TURN_PORT:-3478}.
Start the server in another terminal with:

  dotnet run --project src/IopTelehealth.Server -- \\
    --Media:Janus:Nodes:0:Name=local --Media:Janus:Nodes:0:Url=$JANUS_WS_URL \\
    --Media:Janus:Nodes:0:ApiSecret=$JANUS_API_SECRET --Media:Janus:Nodes:0:AdminKey=$JANUS_ADMIN_KEY \\
    --Media:Turn:Urls:0=turn:$ADDRESS:${TURN_PORT:-3478}?transport=udp --Media:Turn:Secret=$TURN_SECRET

Ctrl-C stops Janus and coturn and deletes their files.
EOM
wait "$JANUS_PID"
