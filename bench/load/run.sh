#!/usr/bin/env bash
# The load figures of docs/benchmarks.md ("Load over HTTP"), all in one run on one machine:
#   1. intakes alone through bench/load/ServiceWindow.Load at --rate for --seconds, on the fresh host,
#   2. the mix (intake, actions with If-Match, case reads, queue reads, public lookups, statistics
#      reads) at the same rate and time,
#   3. pgbench single-row inserts (bench/pgbench/plain.sql) at the same concurrency and time,
#   4. wrk with bench/load/intake.lua at the same concurrency and time (as fast as it goes).
# The host is the Release build on 127.0.0.1 with the demo office loaded; PostgreSQL is a
# throw-away cluster with the server's default durability, removed on exit (or, with
# SERVICEWINDOW_BENCH_DB set, a database servicewindow_load on that server, dropped first).
#   bench/load/run.sh [--rate 1000] [--seconds 60] [--connections 16] [--port 5090] [--phases intake,mix,pgbench,wrk]
# Every request stays on loopback and every phase stops by itself.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../../scripts/lib/postgres.sh
. "$root/scripts/lib/postgres.sh"
rate=1000 seconds=60 connections=16 port=5090 phases=intake,mix,pgbench,wrk
while [ $# -gt 0 ]; do
  case $1 in
    --rate) rate=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --phases) phases=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d /tmp/servicewindow-load.XXXXXX)
chmod 755 "$work"
host_pid=
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null
  [ -z "${SERVICEWINDOW_BENCH_DB:-}" ] && pg_stop "$work/pg" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg_ensure_installed
if [ -n "${SERVICEWINDOW_BENCH_DB:-}" ]; then
  server=$SERVICEWINDOW_BENCH_DB
else
  pg_port=${SERVICEWINDOW_BENCH_PG_PORT:-55470}
  while ! pg_port_free "$pg_port"; do pg_port=$((pg_port + 1)); done
  server=$(pg_start "$work/pg" "$pg_port" "shared_buffers = 512MB" "max_wal_size = 4GB") || exit 1
fi
field() { tr ';' '\n' <<<"$server" | sed -n "s/^$1=//p"; }
export PGPASSWORD
PGPASSWORD=$(field Password)
psql_args=(-h "$(field Host)" -p "$(field Port)" -U "$(field Username)")
psql "${psql_args[@]}" -d postgres -qc "drop database if exists servicewindow_load with (force)" -c "create database servicewindow_load" || exit 1
export SERVICEWINDOW_DB="${server/Database=$(field Database)/Database=servicewindow_load}"
export SERVICEWINDOW_WORKFLOWS="$root/workflows"
# The public lookup's per-client limit (60 a minute) would answer most of the load's lookups 429.
export ServiceWindow__Api__PublicRequestsPerMinute=1000000
export ServiceWindow__DemoUsersFile="$work/users.txt"

cd "$root"
nice dotnet build src/Host/ServiceWindow.Host.csproj -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null || exit 1
nice dotnet build bench/load/ServiceWindow.Load -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null || exit 1
app=src/Host/bin/Release/net10.0/servicewindow.dll
load=bench/load/ServiceWindow.Load/bin/Release/net10.0/ServiceWindow.Load.dll
dotnet "$app" migrate >/dev/null || exit 1
dotnet "$app" demo load >/dev/null || exit 1
psql "${psql_args[@]}" -d servicewindow_load -qc \
  "create table bench_plain (id uuid primary key, payload jsonb not null, created_at timestamptz not null)" || exit 1

url="http://127.0.0.1:$port"
dotnet "$app" --urls "$url" >"$work/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$url/readyz")" = 200 ] && break
  sleep 0.5
done
[ "$(curl -s -o /dev/null -w '%{http_code}' "$url/readyz")" = 200 ] || { echo "the host did not become ready"; tail -20 "$work/host.log"; exit 1; }
password() { awk -F'\t' -v login="$1" '$1 == login {print $2}' "$work/users.txt" | tail -1; }
clerk=$(password wang.fang)
chief=$(password chen.jing)

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $(free -g | awk '/Mem:/ {print $2}') GB; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "rate $rate/s, $seconds s, $connections connections; host pid $host_pid on $url"
status=0
phase() { [[ ",$phases," == *",$1,"* ]]; }

phase intake && {
echo "== 1. intake alone (load before: $(loadavg))"
dotnet "$load" --url "$url" --login wang.fang --password "$clerk" \
  --rate "$rate" --seconds "$seconds" --connections "$connections" --host-pid "$host_pid" --mix intake=1 || status=1
echo "   load after: $(loadavg)"
}

phase mix && {
echo "== 2. mix (load before: $(loadavg))"
dotnet "$load" --url "$url" --login wang.fang --password "$clerk" --stats-login chen.jing --stats-password "$chief" \
  --rate "$rate" --seconds "$seconds" --connections "$connections" --host-pid "$host_pid" \
  --mix intake=60,action=10,read=10,queue=10,lookup=5,stats=5 || status=1
echo "   load after: $(loadavg)"
}

phase pgbench && {
echo "== 3. pgbench single-row insert, $connections connections (load before: $(loadavg))"
pgbench "${psql_args[@]}" -n -M prepared -c "$connections" -j 2 -T "$seconds" -f bench/pgbench/plain.sql servicewindow_load 2>&1 \
  | grep -E "^(number of transactions actually processed|latency average|tps)"
echo "   load after: $(loadavg)"
}

if ! phase wrk; then :
elif command -v wrk >/dev/null; then
  echo "== 4. wrk intake.lua, $connections connections (load before: $(loadavg))"
  token=$(curl -s -X POST "$url/api/v1/tokens" -H 'Content-Type: application/json' \
    -d "{\"login\":\"wang.fang\",\"password\":\"$clerk\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
  TOKEN=$token wrk -t 2 -c "$connections" -d "${seconds}s" --latency -s bench/load/intake.lua "$url"
  echo "   load after: $(loadavg)"
else
  echo "== 4. wrk is not installed (apt-get install wrk)"
fi

echo "host: VmHWM $(awk '/VmHWM/ {print $2, $3}' "/proc/$host_pid/status"), VmRSS $(awk '/VmRSS/ {print $2, $3}' "/proc/$host_pid/status")"
errors=$(grep -c -E '"StatusCode": ?5|fail:|Unhandled' "$work/host.log" || true)
echo "host log: $errors lines naming a 5xx or a failure"
grep -E 'fail:|Unhandled' -A3 "$work/host.log" | head -30
exit $status
