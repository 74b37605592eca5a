#!/usr/bin/env bash
# The one test command (README; .ci/run calls it). On Debian 12 with the .NET 10 SDK, as root, it installs the Debian
# packages the tests need, builds once, checks formatting, creates the test network namespace (Janus does ICE only
# there: infra/lib/netns.sh), starts a throwaway PostgreSQL and Janus inside it, runs every test project of the
# solution inside it (and the server tests a second time on PostgreSQL), prints per-project counts and
# "N passed, N failed", and stops everything it started when it exits, also on failure or interruption.
# Environment: IOP_TEST_TIMEOUT (per test project, default 10m).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SOLUTION=IopTelehealth.sln
CONFIGURATION=Release
RESULTS="$REPO/TestResults/infra-test"
TEST_TIMEOUT="${IOP_TEST_TIMEOUT:-10m}"
SERVER_TESTS=IopTelehealth.Server.Tests
cd "$REPO"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild node outlives the run (the build itself passes --disable-build-servers).
export MSBUILDDISABLENODEREUSE=1

# shellcheck source-path=SCRIPTDIR
source "$REPO/infra/lib/postgres.sh"
# shellcheck source-path=SCRIPTDIR
source "$REPO/infra/lib/netns.sh"
# shellcheck source-path=SCRIPTDIR
source "$REPO/infra/lib/janus.sh"

WORK=""               # temp folder of this run; TMPDIR of everything it starts
CHILD=""              # the running build/format/test command, in its own process group
POLICY_RC_CREATED=""  # set when we blocked service starts during apt-get install
FAILURES=()
TIMINGS=()
LABELS=()
FAILED_TESTS=()

on_exit() {
  local rc=$?
  trap - EXIT INT TERM
  if [[ -n "$CHILD" ]]; then
    kill -TERM -- "-$CHILD" 2>/dev/null || true
    local deadline=$((SECONDS + 15))
    while kill -0 -- "-$CHILD" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    kill -KILL -- "-$CHILD" 2>/dev/null || true
  fi
  janus_stop
  pg_stop
  # Last: the services above ran inside the namespace.
  netns_delete
  if [[ -n "$WORK" ]]; then rm -rf "$WORK"; fi
  if [[ -n "$POLICY_RC_CREATED" ]]; then rm -f /usr/sbin/policy-rc.d; fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now_ms() { local t=${EPOCHREALTIME//[!0-9]/}; echo $((t / 1000)); }

# Runs a phase and records its wall time. A failing command inside a phase ends the script (set -e).
phase() {
  local name=$1 start
  shift
  start=$(now_ms)
  echo "==> $name"
  "$@"
  local ms=$(($(now_ms) - start))
  TIMINGS+=("$(printf '  %-44s %5d.%d s' "$name" $((ms / 1000)) $((ms % 1000 / 100)))")
}

# Runs a command in its own process group, so an interrupted run can stop it and everything it spawned,
# and so that a trapped signal is handled at once rather than after the command ends.
run_child() {
  local rc=0
  setsid "$@" &
  CHILD=$!
  wait "$CHILD" || rc=$?
  CHILD=""
  return "$rc"
}

install_missing_packages() {
  local missing=()
  pg_find_bin >/dev/null || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v janus >/dev/null || missing+=(janus)
  if ! command -v turnserver >/dev/null || ! command -v turnutils_uclient >/dev/null; then missing+=(coturn); fi
  command -v chromium >/dev/null || missing+=(chromium)
  [[ "$(dpkg-query -W -f='${Status}' fonts-liberation 2>/dev/null || true)" == "install ok installed" ]] || missing+=(fonts-liberation)
  if ((${#missing[@]} == 0)); then
    echo "postgresql, redis-server, janus, coturn, chromium and fonts-liberation are installed"
    return 0
  fi
  if [[ $EUID -ne 0 ]]; then
    echo "missing Debian packages: ${missing[*]}; run as root or: sudo apt-get install ${missing[*]}" >&2
    return 1
  fi
  # The postgresql, redis-server, janus and coturn packages would start services that nobody stops; tests run their own.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod +x /usr/sbin/policy-rc.d
    POLICY_RC_CREATED=1
  fi
  echo "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
  if [[ -n "$POLICY_RC_CREATED" ]]; then
    rm -f /usr/sbin/policy-rc.d
    POLICY_RC_CREATED=""
  fi
}

# Janus gathers ICE candidates only on a non-loopback interface; in the namespace a veth end (jl0) holds 127.0.0.1/32.
# Everything the tests start (PostgreSQL, Janus, Redis, coturn, the servers, Chromium) runs inside it, on its loopback.
create_namespace() {
  netns_create
  PG_RUN=("${NETNS_EXEC[@]}")
  JANUS_RUN=("${NETNS_EXEC[@]}")
  echo "network namespace $NETNS (jl0 holds 127.0.0.1/32)"
}

start_janus() {
  janus_start
  export IOP_TEST_JANUS_WS="$JANUS_WS_URL" IOP_TEST_JANUS_API_SECRET="$JANUS_API_SECRET" IOP_TEST_JANUS_ADMIN_KEY="$JANUS_ADMIN_KEY"
  echo "Janus $(janus --version 2>/dev/null | sed -n 's/^Janus version: [0-9]* (\(.*\))$/\1/p') on $JANUS_WS_URL (pid $JANUS_PID)"
}

start_postgres() {
  pg_start
  export IOP_TEST_POSTGRES="$PG_CONNECTION"
  echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (pid $PG_PID)"
}

build_solution() {
  run_child dotnet build "$SOLUTION" -c "$CONFIGURATION" --disable-build-servers -nologo -v:minimal
}

check_format() {
  # Generated migrations keep EF's own layout.
  if ! run_child dotnet format "$SOLUTION" --verify-no-changes --no-restore \
    --exclude src/IopTelehealth.Persistence/Sqlite/Migrations src/IopTelehealth.Persistence/PostgreSql/Migrations; then
    FAILURES+=("formatting: run 'dotnet format $SOLUTION --exclude src/IopTelehealth.Persistence/Sqlite/Migrations src/IopTelehealth.Persistence/PostgreSql/Migrations'")
  fi
}

# Asks MSBuild rather than guessing from names, so projects added later are found.
find_test_projects() {
  TEST_PROJECTS=()
  local project
  while read -r project; do
    [[ "$project" == *.csproj ]] || continue
    if [[ "$(dotnet msbuild "$project" -getProperty:IsTestProject)" == true ]]; then
      TEST_PROJECTS+=("$project")
    fi
  done < <(dotnet sln "$SOLUTION" list)
  echo "test projects: ${TEST_PROJECTS[*]:-none}"
}

# run_tests <label> <project> [VAR=value...]: one TRX per run, named after the label.
run_tests() {
  local label=$1 project=$2 rc=0
  shift 2
  LABELS+=("$label")
  run_child "${NETNS_EXEC[@]}" env "$@" dotnet test --project "$project" -c "$CONFIGURATION" --no-build --timeout "$TEST_TIMEOUT" \
    --results-directory "$RESULTS" --report-xunit-trx --report-xunit-trx-filename "$label.trx" || rc=$?
  if ((rc != 0)); then FAILURES+=("$label: dotnet test exited with code $rc"); fi
  return 0
}

run_all_tests() {
  local project name server=""
  for project in "${TEST_PROJECTS[@]}"; do
    name=$(basename "$project" .csproj)
    phase "test $name" run_tests "$name" "$project"
    if [[ "$name" == "$SERVER_TESTS" ]]; then server=$project; fi
  done
  if [[ -z "$server" ]]; then
    FAILURES+=("$SERVER_TESTS not found in $SOLUTION: the server was not tested on PostgreSQL")
    return 0
  fi
  # The first run used SQLite, the server's default; production runs on PostgreSQL.
  phase "test $SERVER_TESTS on PostgreSQL" run_tests "$SERVER_TESTS.PostgreSql" "$server" IOP_TEST_SERVER_DB=postgresql
}

# counter <name> <Counters element>: one attribute of a TRX <Counters .../> element (0 when absent).
counter() {
  local value
  value=$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$2")
  echo "${value:-0}"
}

# failed_tests <trx>: each failed test of a TRX, with the first lines of its message (the CI log keeps only the tail,
# and the TRX files go with the clean checkout). perl is part of every Debian system.
failed_tests() {
  perl -0777 -ne '
    sub text { my $t = shift; $t =~ s/&quot;/"/g; $t =~ s/&apos;/\x27/g; $t =~ s/&lt;/</g; $t =~ s/&gt;/>/g; $t =~ s/&#x([0-9A-Fa-f]+);/chr(hex $1)/ge; $t =~ s/&amp;/&/g; $t }
    while (/<UnitTestResult ([^>]*?)outcome="(?:Failed|Error|Timeout|Aborted)"[^>]*>(.*?)<\/UnitTestResult>/gs) {
      my ($head, $body) = ($1, $2);
      my ($name) = $head =~ /testName="([^"]*)"/;
      my ($message) = $body =~ /<Message>(.*?)<\/Message>/s;
      my @lines = map { s/\s+/ /gr =~ s/^ | $//gr } grep { /\S/ } split /\r?\n/, text($message // "(no message)");
      print "    ", text($name), "\n";
      print "      ", substr($_, 0, 240), "\n" for @lines[0 .. ($#lines < 5 ? $#lines : 5)];
    }' "$1" || true
}

summarize() {
  local label trx counters total passed failed skipped sum_total=0 sum_passed=0 sum_failed=0 trx_count=0
  echo
  echo "Tests per project (TRX in ${RESULTS#"$REPO/"}):"
  for label in "${LABELS[@]}"; do
    trx="$RESULTS/$label.trx"
    counters=$(grep -o '<Counters [^>]*>' "$trx" 2>/dev/null | head -n 1 || true)
    if [[ -z "$counters" ]]; then
      printf '  %-44s no TRX written\n' "$label"
      FAILURES+=("$label: no TRX written")
      continue
    fi
    trx_count=$((trx_count + 1))
    total=$(counter total "$counters")
    passed=$(counter passed "$counters")
    failed=$(($(counter failed "$counters") + $(counter error "$counters") + $(counter timeout "$counters") + $(counter aborted "$counters")))
    skipped=$(counter notExecuted "$counters")
    printf '  %-44s %4d passed, %4d failed, %4d skipped\n' "$label" "$passed" "$failed" "$skipped"
    if ((failed > 0)); then FAILED_TESTS+=("  $label:" "$(failed_tests "$trx")"); fi
    sum_total=$((sum_total + total))
    sum_passed=$((sum_passed + passed))
    sum_failed=$((sum_failed + failed))
  done
  if ((trx_count == 0)); then FAILURES+=("no TRX file was produced"); fi
  if ((sum_total == 0)); then FAILURES+=("no tests ran"); fi
  echo
  echo "Wall time per phase:"
  printf '%s\n' "${TIMINGS[@]}"
  printf '  %-44s %5d s\n' "total" "$SECONDS"
  if ((${#FAILURES[@]} > 0)); then
    echo
    echo "FAILED:"
    printf '  %s\n' "${FAILURES[@]}"
  fi
  # Last, so that a log cut to its tail still names the tests that failed.
  if ((${#FAILED_TESTS[@]} > 0)); then
    echo
    echo "Failed tests, each with the start of its message (the whole of it is in the TRX files):"
    printf '%s\n' "${FAILED_TESTS[@]}"
  fi
  echo
  echo "$sum_passed passed, $sum_failed failed"
  ((${#FAILURES[@]} == 0 && sum_failed == 0))
}

command -v dotnet >/dev/null || { echo "the .NET 10 SDK (dotnet) is required" >&2; exit 1; }
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
# Temp files of the tests (SQLite files, server data folders) go here, so an interrupted test leaves nothing behind.
WORK=$(mktemp -d -t iop-test-run.XXXXXX)
export TMPDIR="$WORK"
phase "packages" install_missing_packages
# Restore and build need the network, so they run outside the namespace; the tests run inside it (--no-build).
phase "build ($CONFIGURATION)" build_solution
phase "format check" check_format
phase "find test projects" find_test_projects
phase "network namespace" create_namespace
phase "postgresql" start_postgres
phase "janus" start_janus
run_all_tests
summarize
