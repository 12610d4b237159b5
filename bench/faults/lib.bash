# shellcheck shell=bash
# Shared by the fault scripts: a private PostgreSQL cluster, the built host on a loopback port with
# the demo office and its accounts, and checks that print what they found. Named .bash, not .sh:
# scripts/test --faults runs every *.sh here as a fault script. Everything the scripts
# start is stopped by fault_cleanup, also when a check fails.
set -uo pipefail
fault_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=../../scripts/lib/postgres.sh
. "$fault_root/scripts/lib/postgres.sh"
pg_ensure_installed
fault_work=$(mktemp -d /tmp/servicewindow-fault.XXXXXX)
chmod 755 "$fault_work"
fault_app="$fault_root/src/Host/bin/Release/net10.0/servicewindow.dll"
fault_load="$fault_root/bench/load/ServiceWindow.Load/bin/Release/net10.0/ServiceWindow.Load.dll"
fault_broken=0
host_pid=
# Further processes a script starts (a second host, a message sink); fault_cleanup ends them too.
fault_pids=()

# FAULT_KEEP=1 keeps the work folder (host logs, acknowledgements, load reports) to look into.
fault_cleanup() {
  local pid
  for pid in $host_pid "${fault_pids[@]}"; do kill -9 "$pid" 2>/dev/null; done
  pg_stop "$fault_work/pg" 2>/dev/null || true
  if [ -n "${FAULT_KEEP:-}" ]; then echo "work folder kept: $fault_work"; else rm -rf "$fault_work"; fi
}
trap fault_cleanup EXIT

# check DESCRIPTION CONDITION...: prints the promise and whether it held.
check() {
  local what=$1
  shift
  if "$@"; then echo "  ok     $what"; else echo "  BROKEN $what"; fault_broken=1; fi
}

fault_finish() {
  [ "$fault_broken" -eq 0 ] && echo "all promises held" || echo "a promise was broken"
  exit "$fault_broken"
}

fault_build() {
  dotnet build "$fault_root/src/Host/ServiceWindow.Host.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null || exit 1
  dotnet build "$fault_root/bench/load/ServiceWindow.Load" -c Release -nologo -v quiet -clp:ErrorsOnly >/dev/null || exit 1
}

fault_start_db() {
  local port=${1:-56200}
  while ! pg_port_free "$port"; do port=$((port + 1)); done
  SERVICEWINDOW_DB=$(pg_start "$fault_work/pg" "$port") || exit 1
  export SERVICEWINDOW_DB
  export SERVICEWINDOW_WORKFLOWS="$fault_root/workflows"
  export ServiceWindow__Api__PublicRequestsPerMinute=1000000
  dotnet "$fault_app" migrate >/dev/null || exit 1
  dotnet "$fault_app" demo load >/dev/null || exit 1
}

fault_sql() {
  local password port
  password=$(cat "$fault_work/pg/password")
  port=$(sed -n "s/^port = \([0-9]*\)$/\1/p" "$(readlink -f "$fault_work/pg")/pgdata/postgresql.conf" | tail -1)
  PGPASSWORD="$password" "$PG_BIN/psql" -h 127.0.0.1 -p "$port" -U "$PG_USER" -d "$PG_DATABASE" -qtAX -v ON_ERROR_STOP=1 -c "$1"
}

# Settings a script adds to the host's command line (e.g. --Logging:LogLevel:…=Information).
fault_host_args=()

# fault_start_host PORT [LOG]: starts the host and waits until /readyz answers 200 (at most 60 s).
fault_start_host() {
  local port=$1 log=${2:-$fault_work/host.log}
  host_url="http://127.0.0.1:$port"
  ServiceWindow__DemoUsersFile="$fault_work/users.txt" dotnet "$fault_app" --urls "$host_url" "${fault_host_args[@]}" >>"$log" 2>&1 &
  host_pid=$!
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$host_url/readyz")" = 200 ] && return 0
    sleep 0.5
  done
  echo "the host did not become ready; its log:" >&2
  tail -20 "$log" >&2
  exit 1
}

fault_password() { awk -F'\t' -v login="$1" '$1 == login {print $2}' "$fault_work/users.txt" | tail -1; }

# fault_stop_host SIGNAL: sends SIGNAL and sets stop_seconds to how long the host took to end
# (killed after 30 s), and stop_signalled to when the signal was sent (ns since the epoch).
fault_stop_host() {
  local signal=$1 started
  started=$(date +%s%N)
  stop_signalled=$started
  kill "-$signal" "$host_pid" 2>/dev/null
  for _ in $(seq 1 300); do
    kill -0 "$host_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill -0 "$host_pid" 2>/dev/null && kill -9 "$host_pid"
  wait "$host_pid" 2>/dev/null
  host_pid=
  stop_seconds=$(awk -v ns="$(( $(date +%s%N) - started ))" 'BEGIN { printf "%.1f", ns / 1e9 }')
}

# below A B: true when the number A is less than B.
below() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }
