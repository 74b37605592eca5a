#!/usr/bin/env bash
# A throwaway PostgreSQL for development: prints the connection string, runs until Ctrl-C, then deletes everything.
# Use it to run the PostgreSQL tests from an IDE or `dotnet test` (see infra/README.md).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"

trap pg_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
pg_start
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (pid $PG_PID); Ctrl-C stops it and deletes its data."
echo "export IOP_TEST_POSTGRES='$PG_CONNECTION'"
wait "$PG_PID"
