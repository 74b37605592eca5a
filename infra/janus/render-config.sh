#!/usr/bin/env bash
# Writes a Janus configuration folder from the templates beside this script (*.jcfg.in), because Janus cannot read
# environment variables in its configuration and the ports and secrets differ per run.
#   infra/janus/render-config.sh <output-folder>
# Reads (required) JANUS_WS_PORT JANUS_HTTP_PORT JANUS_API_SECRET JANUS_ADMIN_SECRET JANUS_ADMIN_KEY
#       (optional) JANUS_SESSION_TIMEOUT (60) JANUS_RTP_PORT_RANGE (40000-40999) JANUS_ICE_ENFORCE_LIST (jl0)
#                  JANUS_DEBUG_LEVEL (4) JANUS_EVENTS_BACKEND JANUS_EVENTS_USER JANUS_EVENTS_PASSWORD
# With JANUS_EVENTS_BACKEND (an http:// URL) the sample event handler posts there with basic authentication;
# without it no event handler is loaded. Every plugin, transport, logger and event handler we do not use is disabled.
set -euo pipefail

TEMPLATES=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${1:?usage: render-config.sh <output-folder>}

fail() { echo "render-config.sh: $*" >&2; exit 1; }

# A value goes into a quoted Janus string: refuse what could end the string or the line, and sed's delimiter.
check_value() {
  local name=$1 value=$2
  [[ -n "$value" ]] || fail "$name is not set"
  [[ "$value" != *[\"\\\|$'\n'$'\r'\&]* ]] || fail "$name contains a character Janus configuration cannot hold"
}

# The library folder of the Debian package (multiarch path), or JANUS_LIB_DIR.
lib_dir() {
  if [[ -n "${JANUS_LIB_DIR:-}" ]]; then echo "$JANUS_LIB_DIR"; return; fi
  local dir
  for dir in /usr/lib/*/janus /usr/lib/janus /usr/local/lib/janus /opt/janus/lib/janus; do
    if [[ -d "$dir/plugins" ]]; then echo "$dir"; return; fi
  done
  fail "Janus modules not found (apt-get install janus)"
}

# Comma-separated file names of the modules in <folder> other than the ones to keep.
others() {
  local folder=$1 file name list=()
  shift
  for file in "$folder"/*.so; do
    [[ -e "$file" ]] || continue
    name=$(basename "$file")
    local keep=""
    for wanted in "$@"; do [[ "$name" == "$wanted" ]] && keep=1; done
    [[ -n "$keep" ]] || list+=("$name")
  done
  local IFS=,
  echo "${list[*]}"
}

LIB=$(lib_dir)
for name in JANUS_WS_PORT JANUS_HTTP_PORT JANUS_API_SECRET JANUS_ADMIN_SECRET JANUS_ADMIN_KEY; do
  check_value "$name" "${!name:-}"
done
[[ "${JANUS_WS_PORT}${JANUS_HTTP_PORT}" =~ ^[0-9]+$ ]] || fail "ports must be numbers"

EVENTS_BACKEND=${JANUS_EVENTS_BACKEND:-}
if [[ -n "$EVENTS_BACKEND" ]]; then
  [[ "$EVENTS_BACKEND" == http://* || "$EVENTS_BACKEND" == https://* ]] || fail "JANUS_EVENTS_BACKEND must be an http(s) URL"
  check_value JANUS_EVENTS_BACKEND "$EVENTS_BACKEND"
  check_value JANUS_EVENTS_USER "${JANUS_EVENTS_USER:-}"
  check_value JANUS_EVENTS_PASSWORD "${JANUS_EVENTS_PASSWORD:-}"
  EVENTS_ENABLED=true
  DISABLED_EVENT_HANDLERS=$(others "$LIB/events" libjanus_sampleevh.so)
else
  EVENTS_ENABLED=false
  DISABLED_EVENT_HANDLERS=$(others "$LIB/events")
fi

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
SUBSTITUTIONS=(
  -e "s|@CONFIG_DIR@|$OUT|g"
  -e "s|@LIB_DIR@|$LIB|g"
  -e "s|@DEBUG_LEVEL@|${JANUS_DEBUG_LEVEL:-4}|g"
  -e "s|@API_SECRET@|$JANUS_API_SECRET|g"
  -e "s|@ADMIN_SECRET@|$JANUS_ADMIN_SECRET|g"
  -e "s|@ADMIN_KEY@|$JANUS_ADMIN_KEY|g"
  -e "s|@SESSION_TIMEOUT@|${JANUS_SESSION_TIMEOUT:-60}|g"
  -e "s|@RTP_PORT_RANGE@|${JANUS_RTP_PORT_RANGE:-40000-40999}|g"
  -e "s|@ICE_ENFORCE_LIST@|${JANUS_ICE_ENFORCE_LIST:-jl0}|g"
  -e "s|@WS_PORT@|$JANUS_WS_PORT|g"
  -e "s|@HTTP_PORT@|$JANUS_HTTP_PORT|g"
  -e "s|@EVENTS_BROADCAST@|$EVENTS_ENABLED|g"
  -e "s|@EVENTS_ENABLED@|$EVENTS_ENABLED|g"
  -e "s|@EVENTS_BACKEND@|$EVENTS_BACKEND|g"
  -e "s|@EVENTS_USER@|${JANUS_EVENTS_USER:-}|g"
  -e "s|@EVENTS_PASSWORD@|${JANUS_EVENTS_PASSWORD:-}|g"
  -e "s|@DISABLED_PLUGINS@|$(others "$LIB/plugins" libjanus_videoroom.so)|g"
  -e "s|@DISABLED_TRANSPORTS@|$(others "$LIB/transports" libjanus_websockets.so libjanus_http.so)|g"
  -e "s|@DISABLED_LOGGERS@|$(others "$LIB/loggers")|g"
  -e "s|@DISABLED_EVENT_HANDLERS@|$DISABLED_EVENT_HANDLERS|g"
)
for template in "$TEMPLATES"/*.jcfg.in; do
  target="$OUT/$(basename "$template" .in)"
  sed "${SUBSTITUTIONS[@]}" "$template" >"$target"
  # The files hold secrets.
  chmod 600 "$target"
done
