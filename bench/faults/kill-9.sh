#!/usr/bin/env bash
# kill -9 of the host during a 10,000-intake run, then a restart while the run goes on: every
# intake that got a 201 is there once, with its whole history, every chain verifies, and every
# timer that came due while the host was down fires once after the restart.
. "$(dirname "${BASH_SOURCE[0]}")/lib.bash"
echo "fault: kill -9 during 10,000 intakes"
fault_build
fault_start_db 56230
fault_start_host 5183
password=$(fault_password wang.fang)
touch "$fault_work/acks.txt"
dotnet "$fault_load" --url "$host_url" --login wang.fang --password "$password" --mix intake=1 --rate 400 --count 10000 \
  --seconds 120 --connections 8 --acks "$fault_work/acks.txt" >"$fault_work/load-before.txt" 2>&1 &
load_pid=$!
# Killed in the middle of the run: after 2,000 intakes or 60 s, whichever comes first.
for _ in $(seq 1 600); do
  [ "$(wc -l <"$fault_work/acks.txt")" -ge 2000 ] && break
  sleep 0.1
done
kill -9 "$host_pid"
wait "$host_pid" 2>/dev/null
host_pid=
# The first driver's remaining intakes would only meet a refused connection; a second one sends
# the rest of the 10,000 once the host is back.
kill "$load_pid" 2>/dev/null
wait "$load_pid" 2>/dev/null
acked_before=$(wc -l <"$fault_work/acks.txt")
echo "  host killed with $acked_before intakes acknowledged"
# While nobody runs: the first escalation of every case opened so far comes due.
fault_sql "create table fault_due_cases as select case_id from timers where name = 'escalation.1';
           update timers set due_at = now() - interval '1 second' where name = 'escalation.1'"
due=$(fault_sql "select count(*) from fault_due_cases")
echo "  $due escalation timers came due while the host was down"
sleep 3
fault_start_host 5183
restarted=$(fault_sql "select now()")
# A first sign-in on the cold host, so the driver's own (10 s limit) does not meet the start-up.
curl -s -m 60 -o /dev/null -H 'Content-Type: application/json' -d "{\"login\":\"wang.fang\",\"password\":\"$password\"}" "$host_url/api/v1/tokens"
echo "  host restarted; the run goes on with the remaining $((10000 - acked_before)) intakes"
dotnet "$fault_load" --url "$host_url" --login wang.fang --password "$password" --mix intake=1 --rate 400 \
  --count $((10000 - acked_before)) --seconds 120 --connections 8 --acks "$fault_work/acks.txt" >"$fault_work/load.txt" 2>&1
sed -n '1,4p' "$fault_work/load.txt" | sed 's/^/  load after the restart: /'
for _ in $(seq 1 60); do
  [ "$(fault_sql "select count(*) from timers where name = 'escalation.1' and due_at <= '$restarted'")" -eq 0 ] && break
  sleep 1
done
read -r fired_once not_fired fired_twice < <(fault_sql "select count(*) filter (where n = 1), count(*) filter (where n = 0), count(*) filter (where n > 1)
  from (select d.case_id, (select count(*) from case_history h where h.case_id = d.case_id and h.kind = 'escalation'
                           and h.action = 'escalation.1') n from fault_due_cases d) t" | tr '|' ' ')
echo "  timers due during the outage: $due, fired once $fired_once, not fired $not_fired, fired twice $fired_twice"
check "every timer that came due during the outage fired once after the restart ($fired_once of $due)" test "$fired_once" -eq "$due"
acked=$(wc -l <"$fault_work/acks.txt")
awk '{print $1}' "$fault_work/acks.txt" | sort >"$fault_work/acked-ids.txt"
fault_sql "select id from cases" | sort >"$fault_work/stored-ids.txt"
missing=$(comm -23 "$fault_work/acked-ids.txt" "$fault_work/stored-ids.txt" | wc -l)
twice=$(awk '{print $2}' "$fault_work/acks.txt" | sort | uniq -d | wc -l)
receipts_twice=$(fault_sql "select count(*) from (select receipt_number from cases group by 1 having count(*) > 1) t")
short=$(fault_sql "select count(*) from cases c where c.history_length <> (select count(*) from case_history h where h.case_id = c.id)")
echo "  acknowledged $acked, stored $(wc -l <"$fault_work/stored-ids.txt"), missing $missing, keys acknowledged twice $twice"
check "every acknowledged intake is stored ($acked)" test "$missing" -eq 0
check "no idempotency key acknowledged twice" test "$twice" -eq 0
check "no receipt number stored twice" test "$receipts_twice" -eq 0
check "every case has all its history entries" test "$short" -eq 0
fault_stop_host TERM
dotnet "$fault_app" verify-history >"$fault_work/verify.txt" 2>&1
check "verify-history passes after the restart: $(tail -1 "$fault_work/verify.txt")" test $? -eq 0
fault_finish
