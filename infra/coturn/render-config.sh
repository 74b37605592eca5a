#!/usr/bin/env bash
# Writes turnserver.conf from turnserver.conf.in beside this script.
#   infra/coturn/render-config.sh <output-file>
# Reads (required) TURN_PORT TURN_SECRET TURN_STATE_DIR
#       (optional) TURN_REALM (iop.test) TURN_LISTENING_IP / TURN_RELAY_IP (127.0.0.1)
#                  TURN_MIN_PORT / TURN_MAX_PORT (49160-49200) TURN_ALLOW_LOOPBACK_PEERS (tests only: 1)
set -euo pipefail

TEMPLATE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/turnserver.conf.in"
OUT=${1:?usage: render-config.sh <output-file>}

fail() { echo "render-config.sh: $*" >&2; exit 1; }

for name in TURN_PORT TURN_SECRET TURN_STATE_DIR; do
  [[ -n "${!name:-}" ]] || fail "$name is not set"
  [[ "${!name}" != *[\|$'\n'$'\r'\&\ ]* ]] || fail "$name contains a character the configuration cannot hold"
done
[[ "$TURN_PORT" =~ ^[0-9]+$ ]] || fail "TURN_PORT must be a number"

LOOPBACK="# allow-loopback-peers is off"
if [[ "${TURN_ALLOW_LOOPBACK_PEERS:-}" == 1 ]]; then LOOPBACK="allow-loopback-peers"; fi

sed -e "s|@LISTENING_IP@|${TURN_LISTENING_IP:-127.0.0.1}|g" \
  -e "s|@RELAY_IP@|${TURN_RELAY_IP:-127.0.0.1}|g" \
  -e "s|@PORT@|$TURN_PORT|g" \
  -e "s|@MIN_PORT@|${TURN_MIN_PORT:-49160}|g" \
  -e "s|@MAX_PORT@|${TURN_MAX_PORT:-49200}|g" \
  -e "s|@SECRET@|$TURN_SECRET|g" \
  -e "s|@REALM@|${TURN_REALM:-iop.test}|g" \
  -e "s|@STATE_DIR@|$TURN_STATE_DIR|g" \
  -e "s|@LOOPBACK_PEERS@|$LOOPBACK|g" \
  "$TEMPLATE" >"$OUT"
chmod 600 "$OUT"
