#!/usr/bin/env bash
# Runs every test of OutlookInterviewAddin: unit, API integration and browser tests, then the API
# suite a second time on PostgreSQL. Installs what the tests need when it is missing: the npm
# packages (through the build) and, on Debian or Ubuntu, the Chromium the browser tests drive and
# the PostgreSQL server, which it starts on loopback in a temporary folder and stops at the end.
# Ends with one line: "N passed, N failed, N skipped"; a test project that executed no tests
# counts as failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

find_browser() {
  if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then echo "$CHROMIUM_PATH"; return; fi
  for b in chromium chromium-browser google-chrome google-chrome-stable; do
    if command -v "$b" >/dev/null 2>&1; then command -v "$b"; return; fi
  done
}

if [ -z "$(find_browser)" ]; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the browser tests (apt-get install chromium)..."
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  else
    echo "No Chromium or Chrome found: install one, or set CHROMIUM_PATH to its executable." >&2
  fi
fi
browser="$(find_browser)"
[ -n "$browser" ] && export CHROMIUM_PATH="$browser"

# PostgreSQL: a private server for this run on 127.0.0.1, trusting local connections, in a temporary
# folder (fsync off: the data is thrown away at the end).
find_postgres() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(find_postgres)" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing PostgreSQL for the storage tests (apt-get install postgresql)..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
pgbin="$(find_postgres)"
pgdir=""
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
stop_postgres() { [ -n "$pgdir" ] && as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1; [ -n "$pgdir" ] && rm -rf "$pgdir"; }
if [ -n "$pgbin" ]; then
  pgdir="$(mktemp -d /tmp/oia-postgresql.XXXXXX)"
  [ "$(id -u)" -eq 0 ] && chown postgres "$pgdir"
  pgport=55432
  while (echo >"/dev/tcp/127.0.0.1/$pgport") 2>/dev/null; do pgport=$((pgport + 1)); done
  if as_postgres "$pgbin/initdb" -D "$pgdir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$pgdir/initdb.log" 2>&1 \
    && as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
      -o "-h 127.0.0.1 -p $pgport -k $pgdir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" start >/dev/null; then
    export OIA_TEST_POSTGRESQL="Host=127.0.0.1;Port=$pgport;Username=postgres;Pooling=true"
    trap stop_postgres EXIT
  else
    echo "PostgreSQL did not start:" >&2; cat "$pgdir"/*.log >&2
  fi
else
  echo "No PostgreSQL server found: install it (Debian: apt-get install postgresql)." >&2
fi

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet test OutlookInterviewAddin.sln --logger "trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?

# The API suite again, every host on a PostgreSQL database of its own. Without a server it cannot
# run, and that counts as a failure below (its results are missing), never as a skip.
if [ -n "${OIA_TEST_POSTGRESQL:-}" ]; then
  OIA_TEST_STORAGE=PostgreSQL dotnet test tests/OutlookInterviewAddin.Tests --no-build --logger "trx" --logger "console;verbosity=minimal" \
    --results-directory "$results/postgresql" "$@" || status=$?
fi

# The closing line is computed from the test result files, not from the console.
passed=0; failed=0; skipped=0; found=0
for trx in "$results"/*.trx "$results"/postgresql/*.trx; do
  [ -f "$trx" ] || continue
  found=$((found + 1))
  counters="$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)"
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(get total); executed=$(get executed); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout); a=$(get aborted)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0} + ${a:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
  # A project that ran nothing (a filter matching none of its tests, or discovery that found none)
  # would otherwise vanish into the totals: it counts as a failure.
  if [ "${executed:-0}" -eq 0 ]; then
    project="$(grep -o 'Discovering: [A-Za-z0-9_.]*' "$trx" | head -n 1 | sed 's/^Discovering: //')"
    echo "${project:-$(basename "$trx")} executed no tests (filter or discovery problem; see the output above)." >&2
    failed=$((failed + 1))
  fi
done
# Every test project must have written its results (the API project twice: SQLite, PostgreSQL); a
# test host that died early counts as a failure.
projects=$(( $(find tests -name '*.csproj' | wc -l) + 1 ))
missing=$((projects - found))
if [ "$missing" -gt 0 ]; then
  echo "$missing of $projects test projects wrote no results (see the output above)." >&2
  failed=$((failed + missing))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # The build failed or the runner stopped without a failing test: count it, so it cannot pass silently.
  failed=$((failed + 1))
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
