# shellcheck shell=bash
# shellcheck disable=SC2034  # the PG_* variables are this library's outputs to the sourcing script
# A throwaway PostgreSQL server on a free loopback port, for tests and local development.
# Source this file, call pg_start, and call pg_stop from your EXIT trap. pg_start sets:
#   PG_PORT, PG_USER, PG_PASSWORD, PG_CONNECTION (an Npgsql connection string for a superuser).
# Nothing listens beyond 127.0.0.1: the unix socket lives in the temp folder, host logins only from 127.0.0.1/32.
# Set PG_RUN (after sourcing) to a command prefix to run the server elsewhere: the test script runs it inside the test
# network namespace (PG_RUN=(ip netns exec <ns>)), which has a loopback of its own.

# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/process.sh"

PG_ROOT=""
PG_PID=""
PG_BIN=""
PG_PORT=""
PG_USER="iop_test"
PG_PASSWORD=""
PG_CONNECTION=""
PG_RUN=()
PG_READY_TIMEOUT_SECONDS="${PG_READY_TIMEOUT_SECONDS:-60}"
# PostgreSQL refuses to run as root; as root we run it as the "postgres" user that the Debian package creates.
# setpriv execs (runuser forks), and so does ip netns exec, so the pid of the backgrounded server is the postmaster's own pid.
PG_AS_OWNER=()
if [[ $EUID -eq 0 ]]; then
  PG_AS_OWNER=(setpriv --reuid=postgres --regid=postgres --init-groups --)
fi

# The newest installed server version (Debian puts each major version in its own folder).
pg_find_bin() {
  local dir
  dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
  [[ -n "$dir" && -x "$dir/initdb" ]] && echo "$dir"
}

pg_start() {
  PG_BIN=$(pg_find_bin) || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql (apt-get install postgresql)" >&2; return 1; }
  # Under /tmp rather than $TMPDIR: as root, the postgres user must be able to reach the folder.
  PG_ROOT=$(mktemp -d /tmp/iop-pg.XXXXXX)
  PG_PASSWORD=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$PG_PASSWORD" >"$PG_ROOT/pwfile"
  if [[ $EUID -eq 0 ]]; then
    chown -R postgres: "$PG_ROOT"
  fi
  (cd "$PG_ROOT" && "${PG_AS_OWNER[@]}" "$PG_BIN/initdb" -D "$PG_ROOT/data" -U "$PG_USER" --pwfile="$PG_ROOT/pwfile" \
    --auth-local=peer --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-sync) >"$PG_ROOT/initdb.log" 2>&1 \
    || { cat "$PG_ROOT/initdb.log" >&2; return 1; }
  rm -f "$PG_ROOT/pwfile"
  # Password logins from 127.0.0.1 only, plus peer logins on the socket in the private temp folder.
  printf '%s\n' "local all all peer" "host all all 127.0.0.1/32 scram-sha-256" >"$PG_ROOT/data/pg_hba.conf"

  local attempt
  for attempt in 1 2 3 4 5; do
    PG_PORT=$(pick_loopback_port "${PG_RUN[@]}") || return 1
    # Durability is off: the data folder is deleted at exit, and fsync would cost seconds per migration.
    (cd "$PG_ROOT" && exec "${PG_RUN[@]}" "${PG_AS_OWNER[@]}" "$PG_BIN/postgres" -D "$PG_ROOT/data" \
      -c listen_addresses=127.0.0.1 -c port="$PG_PORT" -c unix_socket_directories="$PG_ROOT" \
      -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off) >"$PG_ROOT/server.log" 2>&1 &
    PG_PID=$!
    if pg_wait_ready; then
      PG_CONNECTION="Host=127.0.0.1;Port=$PG_PORT;Username=$PG_USER;Password=$PG_PASSWORD"
      return 0
    fi
    echo "PostgreSQL did not start on port $PG_PORT (attempt $attempt); server log:" >&2
    tail -n 20 "$PG_ROOT/server.log" >&2 || true
    pg_stop_server
  done
  return 1
}

pg_alive() { proc_alive "$PG_PID"; }

# Polls pg_isready until the server accepts connections, the postmaster dies, or the deadline passes.
pg_wait_ready() {
  local deadline=$((SECONDS + PG_READY_TIMEOUT_SECONDS))
  while ((SECONDS < deadline)); do
    if "${PG_RUN[@]}" "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 1; then
      return 0
    fi
    pg_alive || return 1
    sleep 0.2
  done
  echo "PostgreSQL was not ready within ${PG_READY_TIMEOUT_SECONDS}s" >&2
  return 1
}

# Fast shutdown through pg_ctl; if that does not end it, the postmaster is killed by its pid.
pg_stop_server() {
  if pg_alive; then
    (cd "$PG_ROOT" && "${PG_AS_OWNER[@]}" "$PG_BIN/pg_ctl" -D "$PG_ROOT/data" -m fast -t 30 -s -w stop) >/dev/null 2>&1 || true
  fi
  proc_stop "$PG_PID" TERM 10
  PG_PID=""
}

pg_stop() {
  pg_stop_server
  if [[ -n "$PG_ROOT" ]]; then
    rm -rf "$PG_ROOT"
    PG_ROOT=""
  fi
}
