#!/usr/bin/env bash
# The one test command. Installs what the tests need when missing (Debian's chromium and PostgreSQL),
# runs every test on SQLite, runs the data tests again on a throwaway PostgreSQL on loopback, and ends
# with the line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

log() { printf '\n== %s (%s)\n' "$*" "$(date -u +%H:%M:%S)"; }

# --- Dependencies -----------------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing+=(postgresql)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing ${missing[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

# --- A throwaway PostgreSQL cluster on loopback ------------------------------------------------------
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pg_port=${VERKOSTAMO_TEST_PG_PORT:-55432}
pg_dir=$(mktemp -d /tmp/verkostamo-pg.XXXXXX)
pg_started=0
stop_pg() {
  if [ "$pg_started" -eq 1 ]; then
    if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$pg_bin/pg_ctl -D $pg_dir/data -m immediate stop" >/dev/null 2>&1
    else "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1; fi
  fi
  rm -rf "$pg_dir"
}
trap stop_pg EXIT
if [ -n "$pg_bin" ]; then
  log "Starting PostgreSQL on 127.0.0.1:$pg_port"
  run_pg() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
  [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
  if run_pg "$pg_bin/initdb -D $pg_dir/data -A trust -U postgres >/dev/null" \
     && run_pg "$pg_bin/pg_ctl -D $pg_dir/data -w -l $pg_dir/log -o \"-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start >/dev/null"; then
    pg_started=1
  else
    echo "PostgreSQL could not be started; see $pg_dir/log" >&2
  fi
fi

# --- Build -------------------------------------------------------------------------------------------
log "Building"
dotnet tool restore >/dev/null
if ! dotnet build Verkostamo.slnx -nologo -v q -clp:ErrorsOnly; then
  echo "Build failed." >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# --- Tests -------------------------------------------------------------------------------------------
# The browser tests (one app and one chromium, one test after another) are the longest part, so they start
# first and run beside the others; the data tests copy a migrated template database instead of migrating
# their own, which keeps the PostgreSQL pass short.
status=0
log "Browser tests (in the background)"
dotnet test tests/Verkostamo.BrowserTests --no-build --nologo -v q --logger trx --results-directory "$results/browser" \
  > "$results/browser.log" 2>&1 &
browser_pid=$!

log "Data and web tests on SQLite"
dotnet test tests/Verkostamo.Core.Tests --no-build --nologo -v q --logger trx --results-directory "$results/sqlite" || status=1
dotnet test tests/Verkostamo.Web.Tests --no-build --nologo -v q --logger trx --results-directory "$results/sqlite" || status=1

if [ "$pg_started" -eq 1 ]; then
  log "Data tests on PostgreSQL"
  # Every service and query is tested on PostgreSQL as well (Core.Tests). Of the web tests, those whose outcome
  # depends on the database beyond the services run again: the authorization walk (role matrix, forged ids),
  # backups and restores, and operations.
  pg="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres;Pooling=false"
  VERKOSTAMO_TEST_POSTGRES="$pg" dotnet test tests/Verkostamo.Core.Tests --no-build --nologo -v q \
    --logger trx --results-directory "$results/postgres" || status=1
  VERKOSTAMO_TEST_POSTGRES="$pg" dotnet test tests/Verkostamo.Web.Tests --no-build --nologo -v q \
    --filter "FullyQualifiedName~.Security.|FullyQualifiedName~.Backup.|FullyQualifiedName~.Operations." \
    --logger trx --results-directory "$results/postgres" || status=1
else
  echo "PostgreSQL is not available: the PostgreSQL run counts as failed." >&2
  status=1
fi

log "Waiting for the browser tests"
wait "$browser_pid" || status=1
cat "$results/browser.log"

log "Summary"
# --- Summary -----------------------------------------------------------------------------------------
passed=0
failed=0
while IFS= read -r -d '' trx; do
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  attr() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
  passed=$((passed + $(attr passed)))
  failed=$((failed + $(attr failed) + $(attr error) + $(attr timeout) + $(attr aborted)))
done < <(find "$results" -name '*.trx' -print0)
if [ "$status" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
echo "${passed:-0} passed, ${failed:-0} failed"
[ "${failed:-0}" -eq 0 ]
