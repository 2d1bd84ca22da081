#!/usr/bin/env bash
# Measures the host against a bare JwtBearer endpoint on this machine: requests/s and p99 at 20
# connections for GET /api/next-actions, GET /api/people and the bare GET, at 20 and 1,000 people;
# the host's peak RSS; and each process's time to first answer. Prints figures; asserts nothing.
# See docs/benchmarks.md.
#
#   bench/run.sh                  # 10 s per measurement
#   DURATION=30s bench/run.sh     # longer
#   ANSWER_CACHE=false bench/run.sh   # the host without its per-user answer cache (every GET queries)
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
duration="${DURATION:-10s}"
connections="${CONNECTIONS:-20}"
threads="${THREADS:-2}"
host_args=()
[ -n "${ANSWER_CACHE:-}" ] && host_args+=("--AnswerCache:Enabled=$ANSWER_CACHE")

# The load generator: wrk from the distribution, installed when missing.
if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
  elif command -v sudo >/dev/null; then sudo apt-get install -y wrk >/dev/null || { sudo apt-get update >/dev/null && sudo apt-get install -y wrk >/dev/null; }
  else echo "wrk is missing: install it (apt-get install wrk) and run again." >&2; exit 1; fi
fi

echo "Building (Release)..."
dotnet build "$root/src/OutlookInterviewAddin" -c Release -v quiet -nologo >/dev/null
dotnet build "$here/BareEndpoint" -c Release -v quiet -nologo >/dev/null
host_dir="$root/src/OutlookInterviewAddin/bin/Release/net10.0"
bare_dir="$here/BareEndpoint/bin/Release/net10.0"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
now_ns() { date +%s%N; }

# Polls every 10 ms until the URL answers with any HTTP status; prints the milliseconds since $2.
# Milliseconds from $2 until $1 answers at all (or, with a third argument "ok", answers 2xx).
first_answer_ms() {
  local url="$1" started="$2" fail=""
  [ "${3:-}" = ok ] && fail="-f"
  until curl -s $fail -o /dev/null -m 1 "$url"; do sleep 0.01; done
  echo $(( ($(now_ns) - started) / 1000000 ))
}

data="$(mktemp -d)"
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$data"; }
trap cleanup EXIT

host_port="$(free_port)"
host="http://127.0.0.1:$host_port"
started="$(now_ns)"
(cd "$host_dir" && exec env ASPNETCORE_ENVIRONMENT=Production dotnet OutlookInterviewAddin.dll \
  --urls "$host" "--Storage:DataDirectory=$data" ${host_args[@]+"${host_args[@]}"} >"$data/host.log" 2>&1) &
host_pid=$!
pids+=("$host_pid")
# First answer: liveness (the host listens before it migrates); ready: the database migrated too.
host_first_ms="$(first_answer_ms "$host/health/live" "$started")"
host_ready_ms="$(first_answer_ms "$host/health/ready" "$started" ok)"

bare_port="$(free_port)"
bare="http://127.0.0.1:$bare_port"
started="$(now_ns)"
(cd "$bare_dir" && exec dotnet BareEndpoint.dll "--urls=$bare" >"$data/bare.log" 2>&1) &
bare_pid=$!
pids+=("$bare_pid")
bare_ready_ms="$(first_answer_ms "$bare/hello" "$started")"

# The dotnet processes themselves (the subshells exec'd into them).
host_token="$(curl -sf -X POST "$host/auth/local/token" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')"
bare_token="$(curl -sf -X POST "$bare/token")"

# Prints "requests/s p99-ms" for one URL.
measure() {
  local url="$1" token="$2" out
  TOKEN="$token" wrk -t"$threads" -c"$connections" -d2s -s "$here/auth.lua" "$url" >/dev/null
  out="$(TOKEN="$token" wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$here/auth.lua" "$url")"
  if grep -q "Non-2xx" <<<"$out"; then echo "$url answered errors:" >&2; echo "$out" >&2; exit 1; fi
  local rps p99
  rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
  p99="$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' <<<"$out")"
  echo "$rps $p99"
}

report() {
  local people="$1"
  read -r bare_rps bare_p99 <<<"$(measure "$bare/hello" "$bare_token")"
  read -r next_rps next_p99 <<<"$(measure "$host/api/next-actions" "$host_token")"
  read -r list_rps list_p99 <<<"$(measure "$host/api/people" "$host_token")"
  local next_kb list_kb
  next_kb="$(curl -s -H "Authorization: Bearer $host_token" "$host/api/next-actions" | wc -c)"
  list_kb="$(curl -s -H "Authorization: Bearer $host_token" "$host/api/people" | wc -c)"
  echo
  echo "== $people people ($connections connections, $duration each) =="
  printf '%-22s %12s %10s %12s %12s %10s\n' "endpoint" "requests/s" "p99 ms" "rps ratio" "p99 ratio" "body B"
  printf '%-22s %12.0f %10.2f %12s %12s %10s\n' "bare GET /hello" "$bare_rps" "$bare_p99" "1.00" "1.00" "-"
  printf '%-22s %12.0f %10.2f %12.2f %12.2f %10s\n' "GET /api/next-actions" "$next_rps" "$next_p99" \
    "$(echo "$next_rps / $bare_rps" | bc -l)" "$(echo "$next_p99 / $bare_p99" | bc -l)" "$next_kb"
  printf '%-22s %12.0f %10.2f %12.2f %12.2f %10s\n' "GET /api/people" "$list_rps" "$list_p99" \
    "$(echo "$list_rps / $bare_rps" | bc -l)" "$(echo "$list_p99 / $bare_p99" | bc -l)" "$list_kb"
}

echo "Seeding 20 people..."
python3 "$here/seed.py" "$host" "$host_token" 0 20
report 20
echo
echo "Seeding up to 1,000 people..."
python3 "$here/seed.py" "$host" "$host_token" 20 1000
report 1000

echo
echo "== processes =="
echo "host peak RSS (VmHWM):      $(awk '/^VmHWM/ {printf "%.1f MB", $2/1024}' "/proc/$host_pid/status")"
echo "bare peak RSS (VmHWM):      $(awk '/^VmHWM/ {printf "%.1f MB", $2/1024}' "/proc/$bare_pid/status")"
echo "host first answer (/health/live):  ${host_first_ms} ms from start"
echo "host ready (/health/ready):        ${host_ready_ms} ms from start"
echo "bare first answer (/hello):        ${bare_ready_ms} ms from start"
echo "first answer ratio (host / bare):  $(echo "$host_first_ms / $bare_ready_ms" | bc -l | xargs printf '%.2f')"
