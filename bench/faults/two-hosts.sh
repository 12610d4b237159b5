#!/usr/bin/env bash
# Two hosts on one database under load, both running the scheduler: no timer fired twice, no
# message sent twice, each month closed once. While both take intakes and actions, escalation
# timers are made due in waves (both hosts' sweeps race for them), and both hosts are told to close
# the month at the same moment, three times. Each host sends its messages to a file of its own
# (the file channel), so a message sent by both shows up in both files.
. "$(dirname "${BASH_SOURCE[0]}")/lib.bash"
echo "fault: two hosts on one database under load"
fault_build
fault_start_db 56250
export ServiceWindow__Notifications__Channel=file

start_named_host() {
  local name=$1 port=$2
  export ServiceWindow__Notifications__FilePath="$fault_work/sent-$name.jsonl"
  fault_start_host "$port" "$fault_work/host-$name.log"
  fault_pids+=("$host_pid")
  host_pid=
}
start_named_host a 5185
url_a=$host_url
start_named_host b 5186
url_b=$host_url
unset ServiceWindow__Notifications__FilePath
echo "  hosts: $url_a and $url_b on one database"

token() {
  curl -s -H 'Content-Type: application/json' -d "{\"login\":\"$1\",\"password\":\"$(fault_password "$1")\"}" "$2/api/v1/tokens" |
    sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}
# Signed in before the load starts: the first sign-in on a cold host is slow (hashing, start-up).
admin_a=$(token admin "$url_a")
admin_b=$(token admin "$url_b")
check "both hosts sign in (warmed up before the load)" test -n "$admin_a" -a -n "$admin_b"
password=$(fault_password wang.fang)
for url in "$url_a" "$url_b"; do
  name=${url##*:}
  dotnet "$fault_load" --url "$url" --login wang.fang --password "$password" --mix intake=70,action=30 --rate 60 \
    --seconds 45 --connections 4 >"$fault_work/load-$name.txt" 2>&1 &
  fault_pids+=($!)
done
load_pids=("${fault_pids[@]: -2}")

trigger() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $2" -d 'jobs[]=monthly-close' "$1/jobs/recurring/trigger"; }

made_due=0
triggers=()
for wave in 1 2 3 4; do
  sleep 8
  due=$(fault_sql "with due as (update timers set due_at = now() - interval '1 second'
                                where name = 'escalation.1' and due_at > now() returning 1)
                   select count(*) from due")
  made_due=$((made_due + due))
  echo "  wave $wave: $due escalation timers made due"
  if [ "$wave" -le 3 ]; then
    # Both hosts at the same moment: two close jobs race for one month.
    trigger "$url_a" "$admin_a" >"$fault_work/trigger-a" &
    trigger "$url_b" "$admin_b" >"$fault_work/trigger-b"
    wait $!
    triggers+=("$(cat "$fault_work/trigger-a")" "$(cat "$fault_work/trigger-b")")
  fi
done
load_failed=0
for pid in "${load_pids[@]}"; do wait "$pid" || load_failed=1; done
for url in "$url_a" "$url_b"; do sed -n '1,4p' "$fault_work/load-${url##*:}.txt" | sed "s/^/  load ${url##*:}: /"; done

# Let both sweeps and dispatches drain what is due (at most 90 s).
for _ in $(seq 1 90); do
  left=$(fault_sql "select (select count(*) from timers where due_at < now() - interval '30 seconds' and attempts = 0)
                         + (select count(*) from outbox where sent_at is null and failed_at is null and due_at < now())")
  [ "$left" -eq 0 ] && break
  sleep 1
done
sleep 3

fired=$(fault_sql "select count(*) from case_history where kind = 'escalation' and action = 'escalation.1'")
fired_twice=$(fault_sql "select count(*) from (select 1 from case_history where kind in ('escalation', 'timer')
                         group by case_id, action, payload->>'episode', payload->>'timer' having count(*) > 1) t")
timers_left=$(fault_sql "select count(*) from timers where name = 'escalation.1' and due_at < now() - interval '30 seconds'")
echo "  timers: $made_due made due, $fired escalations fired, $fired_twice fired twice, $timers_left still due"
check "every escalation timer made due has fired or was cancelled by the case moving on ($timers_left left)" test "$timers_left" -eq 0
check "some escalation timers fired ($fired)" test "$fired" -gt 0
check "no timer fired twice ($fired_twice)" test "$fired_twice" -eq 0

sent_rows=$(fault_sql "select count(*) from outbox where sent_at is not null")
pending=$(fault_sql "select count(*) from outbox where sent_at is null and failed_at is null")
touch "$fault_work/sent-a.jsonl" "$fault_work/sent-b.jsonl"
sent_a=$(wc -l <"$fault_work/sent-a.jsonl")
sent_b=$(wc -l <"$fault_work/sent-b.jsonl")
cat "$fault_work/sent-a.jsonl" "$fault_work/sent-b.jsonl" | grep -o '"Id":[0-9]*' | sort >"$fault_work/sent-ids.txt"
sent_twice=$(uniq -d "$fault_work/sent-ids.txt" | wc -l)
echo "  messages: $sent_rows marked sent, host a sent $sent_a, host b sent $sent_b, $sent_twice sent twice, $pending pending"
check "no message sent twice ($sent_twice)" test "$sent_twice" -eq 0
check "every message marked sent was sent once ($sent_rows marked, $((sent_a + sent_b)) sent)" test "$sent_rows" -eq $((sent_a + sent_b))
check "both hosts sent messages" test "$sent_a" -gt 0 -a "$sent_b" -gt 0

echo "  monthly close triggered on both hosts at once, three times: answers ${triggers[*]}"
sleep 5
closes=$(fault_sql "select coalesce(string_agg(to_char(month, 'YYYY-MM') || ' closed ' || n || 'x', ', '), 'none') from
                    (select month, count(*) n from month_closes group by month order by month) t")
close_jobs=$(fault_sql "select count(*) from hangfire.job where invocationdata::text like '%MonthlyCloseJob%' and statename = 'Succeeded'")
closed_twice=$(fault_sql "select count(*) from (select month from month_closes group by month having count(*) > 1) t")
echo "  months: $closes; $close_jobs close jobs succeeded"
check "every trigger was taken (204)" test "$(printf '%s\n' "${triggers[@]}" | grep -vc '^204$')" -eq 0
check "the previous month was closed" test "$(fault_sql "select count(*) from month_closes where month = date_trunc('month', now() at time zone 'Asia/Shanghai')::date - interval '1 month'")" -eq 1
check "each month closed once ($closed_twice twice)" test "$closed_twice" -eq 0

check "no 5xx or unanswered request from either host" test "$load_failed" -eq 0
for pid in "${fault_pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done
for _ in $(seq 1 150); do
  alive=0
  for pid in "${fault_pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
  [ "$alive" -eq 0 ] && break
  sleep 0.1
done
dotnet "$fault_app" verify-history >"$fault_work/verify.txt" 2>&1
check "verify-history passes: $(tail -1 "$fault_work/verify.txt")" test $? -eq 0
fault_finish
