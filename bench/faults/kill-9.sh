#!/usr/bin/env bash
# kill -9 of the host during a 10,000-intake run, then a restart: every intake that got a 201 is
# there once, with its whole history, and every chain verifies.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
echo "fault: kill -9 during 10,000 intakes"
fault_build
fault_start_db 56230
fault_start_host 5183
password=$(fault_password wang.fang)
dotnet "$fault_load" --url "$host_url" --login wang.fang --password "$password" --mix intake=1 --rate 400 --count 10000 \
  --seconds 60 --connections 8 --acks "$fault_work/acks.txt" >"$fault_work/load.txt" 2>&1 &
load_pid=$!
sleep 10
kill -9 "$host_pid"
wait "$host_pid" 2>/dev/null
host_pid=
echo "  host killed with $(wc -l <"$fault_work/acks.txt") intakes acknowledged"
wait "$load_pid"
fault_start_host 5183
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
