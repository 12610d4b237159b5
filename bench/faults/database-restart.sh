#!/usr/bin/env bash
# PostgreSQL stopped and started under load: /readyz says not ready within 5 s, requests get 503
# problems (no hang, no 500), the host recovers by itself, and no acknowledged write is lost.
. "$(dirname "${BASH_SOURCE[0]}")/lib.bash"
echo "fault: PostgreSQL stopped and started under load"
fault_build
fault_start_db 56240
fault_start_host 5184
password=$(fault_password wang.fang)
dotnet "$fault_load" --url "$host_url" --login wang.fang --password "$password" --mix intake=1 --rate 100 \
  --seconds 40 --connections 8 --acks "$fault_work/acks.txt" >"$fault_work/load.txt" 2>&1 &
load_pid=$!
sleep 8
pg_stop "$fault_work/pg"
stopped=$(date +%s%N)
ready_code=
for _ in $(seq 1 50); do
  ready_code=$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$host_url/readyz")
  [ "$ready_code" = 503 ] && break
  sleep 0.1
done
not_ready_after=$(awk -v ns="$(( $(date +%s%N) - stopped ))" 'BEGIN { printf "%.1f", ns / 1e9 }')
echo "  /readyz answered $ready_code ${not_ready_after} s after the database stopped"
check "/readyz says not ready within 5 s" below "$not_ready_after" 5.1
check "/readyz answers 503 while the database is down" test "$ready_code" = 503
read_started=$(date +%s%N)
signin_code=$(curl -s -m 15 -o "$fault_work/signin-down.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"login\":\"wang.fang\",\"password\":\"$password\"}" "$host_url/api/v1/tokens")
took=$(awk -v ns="$(( $(date +%s%N) - read_started ))" 'BEGIN { printf "%.1f", ns / 1e9 }')
echo "  with the database down: sign-in answered $signin_code in ${took} s: $(head -c 200 "$fault_work/signin-down.json")"
check "a request that needs the database gets 503, not a hang or 500" test "$signin_code" = 503
check "the 503 is a ProblemDetails" grep -q '"status":503' "$fault_work/signin-down.json"
sleep 3
fault_start_db_again() { pg_start "$fault_work/pg" 0 >/dev/null; }
fault_start_db_again
recovered=
for _ in $(seq 1 60); do
  [ "$(curl -s -m 5 -o /dev/null -w '%{http_code}' "$host_url/readyz")" = 200 ] && { recovered=1; break; }
  sleep 0.5
done
check "/readyz is ready again by itself once the database is back" test -n "$recovered"
wait "$load_pid"
sed -n '1,4p' "$fault_work/load.txt" | sed 's/^/  load: /'
after=$(curl -s -m 10 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
  -d "{\"login\":\"wang.fang\",\"password\":\"$password\"}" "$host_url/api/v1/tokens")
check "sign-in works again after the restart ($after)" test "$after" = 200
check "no 500 during the outage" bash -c "! grep -q ' 500:' '$fault_work/load.txt'"
acked=$(wc -l <"$fault_work/acks.txt")
awk '{print $1}' "$fault_work/acks.txt" | sort >"$fault_work/acked-ids.txt"
fault_sql "select id from cases" | sort >"$fault_work/stored-ids.txt"
missing=$(comm -23 "$fault_work/acked-ids.txt" "$fault_work/stored-ids.txt" | wc -l)
check "every acknowledged intake is stored ($acked acknowledged, $missing missing)" test "$missing" -eq 0
fault_finish
