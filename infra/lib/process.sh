# shellcheck shell=bash
# Stopping what the scripts started, by pid: shared by postgres.sh and janus.sh.

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
