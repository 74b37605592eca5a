# shellcheck shell=bash
# Ports and pids of the services the scripts start: shared by postgres.sh and janus.sh.

# pick_loopback_port [prefix...]: a port nothing on 127.0.0.1 answers on right now, probed under the command prefix
# (a namespace has a loopback of its own). Callers retry if another process takes it first.
pick_loopback_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! "$@" bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  echo "no free loopback port found" >&2
  return 1
}

# kill -0 also succeeds on an unreaped zombie, so the process state is read as well.
proc_alive() {
  local pid=$1
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && [[ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ]]
}

# proc_stop <pid> <signal> <seconds>: sends <signal>, waits up to <seconds>, then SIGKILL; reaps our child.
proc_stop() {
  local pid=$1 signal=$2 seconds=$3
  [[ -n "$pid" ]] || return 0
  if proc_alive "$pid"; then
    kill "-$signal" "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + seconds))
    while proc_alive "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
    if proc_alive "$pid"; then kill -KILL "$pid" 2>/dev/null || true; fi
  fi
  wait "$pid" 2>/dev/null || true
}
