#!/usr/bin/env bash
# SIGTERM ends the host within 10 s, with the database up and with it stopped.
. "$(dirname "${BASH_SOURCE[0]}")/lib.bash"
echo "fault: SIGTERM with and without the database"
fault_build
fault_start_db 56210

fault_start_host 5181
fault_stop_host TERM
echo "  database up: the host ended ${stop_seconds} s after SIGTERM"
check "ends within 10 s of SIGTERM with the database up" below "$stop_seconds" 10

fault_start_host 5181
pg_stop "$fault_work/pg"
sleep 2
fault_stop_host TERM
echo "  database down: the host ended ${stop_seconds} s after SIGTERM"
check "ends within 10 s of SIGTERM with the database stopped" below "$stop_seconds" 10
fault_finish
