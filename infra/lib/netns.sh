# shellcheck shell=bash
# shellcheck disable=SC2034  # the NETNS* variables are this library's outputs to the sourcing script
# The test network namespace (ARCHITECTURE "Test environment", STACK-NOTES "Janus 1.1.2 facts").
# Janus gathers no ICE candidates on loopback interfaces (it skips IFF_LOOPBACK), so on a machine whose only safe
# address is 127.0.0.1 every PeerConnection would fail. In a private namespace a veth end (jl0) holds 127.0.0.1/32:
# Janus gathers its candidate there (ice_enforce_list = "jl0"), browsers and test peers reach it over loopback, and
# nothing can leave the namespace, since it has no route out. Needs root (CI runs as root).
# Source this file, call netns_create, run commands with "${NETNS_EXEC[@]}" cmd..., and call netns_delete on exit.

NETNS=""
NETNS_EXEC=()

netns_create() {
  if [[ $EUID -ne 0 ]]; then
    echo "creating the test network namespace needs root (ip netns add); run the tests as root, as CI does" >&2
    return 1
  fi
  command -v ip >/dev/null || { echo "the ip command (iproute2) is required" >&2; return 1; }
  local name="iop-test-$$-$RANDOM"
  ip netns add "$name" || return 1
  NETNS=$name
  NETNS_EXEC=(ip netns exec "$NETNS")
  # lo for ordinary loopback traffic; the veth pair only so that 127.0.0.1 also sits on a non-loopback interface.
  if ! { "${NETNS_EXEC[@]}" ip link set lo up &&
    "${NETNS_EXEC[@]}" ip link add jl0 type veth peer name jl1 &&
    "${NETNS_EXEC[@]}" ip link set jl0 up &&
    "${NETNS_EXEC[@]}" ip link set jl1 up &&
    "${NETNS_EXEC[@]}" ip addr add 127.0.0.1/32 dev jl0; }; then
    echo "could not set up the interfaces of network namespace $NETNS" >&2
    netns_delete
    return 1
  fi
}

# Deleting the namespace also deletes its veth pair. Processes still inside it keep it alive until they exit, so
# callers stop what they started first.
netns_delete() {
  if [[ -n "$NETNS" ]]; then
    ip netns delete "$NETNS" 2>/dev/null || true
    NETNS=""
    NETNS_EXEC=()
  fi
}
