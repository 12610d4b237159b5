#!/usr/bin/env bash
# An UPDATE of the history with the append-only guard lifted is found by verify-history.
. "$(dirname "${BASH_SOURCE[0]}")/lib.bash"
echo "fault: history tampering"
fault_build
fault_start_db 56220
fault_start_host 5182
dotnet "$fault_load" --url "$host_url" --login wang.fang --password "$(fault_password wang.fang)" \
  --mix intake=1 --rate 50 --seconds 4 --connections 4 >"$fault_work/load.txt" || { cat "$fault_work/load.txt"; exit 1; }
fault_stop_host TERM
cases=$(fault_sql "select count(*) from cases")
echo "  $cases cases opened"

dotnet "$fault_app" verify-history >"$fault_work/before.txt" 2>&1
check "verify-history passes on the untouched history ($cases cases)" test $? -eq 0

fault_sql "alter table case_history disable trigger case_history_append_only;
           update case_history set actor_id = 'intruder' where (case_id, sequence) = (select case_id, sequence from case_history order by at limit 1 offset 3);
           alter table case_history enable trigger case_history_append_only;" >/dev/null
dotnet "$fault_app" verify-history >"$fault_work/after.txt" 2>&1
code=$?
echo "  verify-history after the UPDATE: exit $code: $(head -1 "$fault_work/after.txt")"
check "verify-history exits non-zero after one entry was changed" test "$code" -ne 0
check "verify-history names the broken case" grep -q "$(fault_sql "select case_id from case_history where actor_id = 'intruder'")" "$fault_work/after.txt"
fault_finish
