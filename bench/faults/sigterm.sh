#!/usr/bin/env bash
# SIGTERM ends the host within 10 s, with the database up and with it stopped just before, while a
# steady stream of intakes runs: every intake the signal meets is answered 201 (and stored with its
# history) or refused cleanly (a 503 ProblemDetails, or the connection refused), never a 500, a
# reset or a truncated answer, and no acknowledged intake is lost.
# FAULT_PG_PORT and FAULT_HOST_PORT move the cluster and the host off their default ports;
# SIGTERM_ROUNDS (default 3) is how many times each case is run.
. "$(dirname "${BASH_SOURCE[0]}")/lib.bash"
echo "fault: SIGTERM with and without the database, with intakes in flight"
fault_build
fault_start_db "${FAULT_PG_PORT:-56210}"
host_port=${FAULT_HOST_PORT:-5181}
rounds=${SIGTERM_ROUNDS:-3}
workers=8
# The host logs each request it takes ("Request starting") and answers ("Request finished"): a
# reset of a request it never took is a refused connection, one of a request it took is not.
fault_host_args=(--Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics=Information)
cat >"$fault_work/intake.json" <<'EOF'
{"item":"marriage-registration","window":"marriage-1","applicant":{"name":"张三","idNumber":"110101199003071233","phone":"13812345678"},"materialsReceived":["id_cards","declaration"],"inputs":{"party_a":"张三","party_b":"李四"}}
EOF

# outcome RC CODE BODY: one word for a curl exit code, an HTTP status and the body it read.
outcome() {
  local rc=$1 code=$2 body=$3
  case $rc in
    0) ;;
    7) echo refused; return ;;
    18) echo truncated; return ;;
    52 | 55 | 56) echo reset; return ;;
    28) echo timeout; return ;;
    *) echo "curl-$rc"; return ;;
  esac
  case $code in
    201) jq -e '.id and .receiptNumber' "$body" >/dev/null 2>&1 && echo 2xx || echo truncated ;;
    503) jq -e '.status == 503' "$body" >/dev/null 2>&1 && echo 503 || echo 503-not-problem ;;
    5??) echo "5xx-$code" ;;
    *) echo "other-$code" ;;
  esac
}

# intakes WORKER ANSWERS: intakes one after the other, each with its own Idempotency-Key, one line
# per answer: key, sent and answered (ns), curl exit code, status, outcome, case id. Stops after
# three refused connections in a row (the host is gone), 250 intakes or 90 s.
intakes() {
  local worker=$1 answers=$2 body="$fault_work/body-$1" refused=0 until=$(($(date +%s) + 90))
  local i key sent code rc answered out id
  for i in $(seq 1 250); do
    [ "$refused" -ge 3 ] || [ "$(date +%s)" -ge "$until" ] && break
    key="sigterm-$case_name-$round-$worker-$i"
    sent=$(date +%s%N)
    code=$(curl -s -m 15 -o "$body" -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -H "Idempotency-Key: $key" --data-binary @"$fault_work/intake.json" "$host_url/api/v1/cases")
    rc=$?
    answered=$(date +%s%N)
    out=$(outcome "$rc" "$code" "$body")
    id=-
    [ "$out" = 2xx ] && id=$(jq -r .id "$body")
    [ "$out" = 503 ] && cp "$body" "$fault_work/last-503.json"
    echo "$key $sent $answered $rc $code $out $id" >>"$answers"
    if [ "$out" = refused ]; then refused=$((refused + 1)); else refused=0; fi
  done
}

# round CASE N: a host under a stream of intakes, SIGTERM once 40 were acknowledged (or after 30 s);
# with CASE=down the database is stopped first and started again once the host has ended.
round() {
  case_name=$1 round=$2
  local answers="$fault_work/answers-$1-$2.txt" log="$fault_work/host-$1-$2.log" pids=() w
  : >"$answers"
  fault_start_host "$host_port" "$log"
  token=$(curl -s -m 30 -H 'Content-Type: application/json' -d "{\"login\":\"wang.fang\",\"password\":\"$(fault_password wang.fang)\"}" \
    "$host_url/api/v1/tokens" | jq -r '.token // empty')
  [ -n "$token" ] || { echo "sign-in as wang.fang failed; the host's log: $log" >&2; exit 1; }
  for w in $(seq 1 "$workers"); do
    intakes "$w" "$answers.$w" &
    pids+=($!)
  done
  for _ in $(seq 1 300); do
    [ "$(cat "$answers".* 2>/dev/null | grep -c ' 2xx ')" -ge 40 ] && break
    sleep 0.1
  done
  if [ "$1" = down ]; then
    pg_stop "$fault_work/pg"
    sleep 1
  fi
  fault_stop_host TERM
  wait "${pids[@]}"
  cat "$answers".* >"$answers"
  rm -f "$answers".*
  [ "$1" = down ] && { pg_start "$fault_work/pg" 0 >/dev/null || exit 1; }
  # In flight: sent before the signal and answered after it.
  awk -v signalled="$stop_signalled" -v case_name="$1" -v round="$2" -v took="$stop_seconds" '
    { total++; n[$6]++; if ($2 < signalled && $3 > signalled) { flight++; f[$6]++ } }
    END {
      line = sprintf("  database %s, round %d: ended %s s after SIGTERM; %d intakes:", case_name, round, took, total)
      for (o in n) line = line sprintf(" %s %d", o, n[o])
      line = line sprintf("; %d in flight at the signal:", flight)
      for (o in f) line = line sprintf(" %s %d", o, f[o])
      print line
    }' "$answers"
  local taken finished answered
  taken=$(grep -c 'Request starting HTTP/1.1 POST http://127.0.0.1:[0-9]*/api/v1/cases ' "$log")
  finished=$(grep -c 'Request finished HTTP/1.1 POST http://127.0.0.1:[0-9]*/api/v1/cases ' "$log")
  answered=$(awk '$6 !~ /^(refused|reset|timeout|curl-)/' "$answers" | wc -l)
  echo "    the host took $taken intakes and finished $finished; $answered got an answer"
  echo "$1 $2 $stop_seconds $taken $finished $answered" >>"$fault_work/stops.txt"
  awk -v signalled="$stop_signalled" -v c="$1" '$2 < signalled && $3 > signalled { print c, $6 }' "$answers" >>"$fault_work/in-flight.txt"
  sed "s/^/$1 /" "$answers" >>"$fault_work/answers.txt"
}

for r in $(seq 1 "$rounds"); do round up "$r"; done
for r in $(seq 1 "$rounds"); do round down "$r"; done

count() { awk -v c="$1" -v o="$2" '$1 == c && $7 ~ o' "$fault_work/answers.txt" | wc -l; }
flight() { awk -v c="$1" -v o="$2" '$1 == c && $2 ~ o' "$fault_work/in-flight.txt" | wc -l; }
for c in up down; do
  slowest=$(awk -v c="$c" '$1 == c { if ($3 > m) m = $3 } END { print m + 0 }' "$fault_work/stops.txt")
  echo "  database $c, $rounds rounds: $(count "$c" .) intakes: 2xx $(count "$c" '^2xx$'), 503 $(count "$c" '^503$'),"\
    "refused $(count "$c" '^refused$'), reset $(count "$c" '^reset$'), other $(count "$c" '^(5xx|503-not|truncated|timeout|curl|other)');"\
    "in flight at the signal $(flight "$c" .): 2xx $(flight "$c" '^2xx$'), 503 $(flight "$c" '^503$'),"\
    "refused $(flight "$c" '^refused$'), reset $(flight "$c" '^reset$'), other $(flight "$c" '^(5xx|503-not|truncated|timeout|curl|other)')"
  check "ends within 10 s of SIGTERM with the database $c (slowest of $rounds: $slowest s)" below "$slowest" 10
  check "the signal met intakes in flight with the database $c ($(flight "$c" .))" test "$(flight "$c" .)" -gt 0
  unanswered=$(awk -v c="$c" '$1 == c { n += $4 - $6 } END { print n + 0 }' "$fault_work/stops.txt")
  unfinished=$(awk -v c="$c" '$1 == c { n += $4 - $5 } END { print n + 0 }' "$fault_work/stops.txt")
  check "every intake the host took with the database $c was answered ($unanswered taken and not answered, $unfinished not finished)" \
    test "$unanswered" -eq 0 -a "$unfinished" -eq 0
  check "no answer with the database $c was truncated ($(count "$c" '^truncated$'))" test "$(count "$c" '^truncated$')" -eq 0
  check "no answer with the database $c was a 500, another 5xx, a 503 without ProblemDetails, a timeout or unexpected" \
    test "$(count "$c" '^(5xx|503-not|timeout|curl|other)')" -eq 0
done
[ -f "$fault_work/last-503.json" ] && echo "  a 503 read: $(head -c 200 "$fault_work/last-503.json")"

awk '$7 == "2xx" { print $2 }' "$fault_work/answers.txt" | sort >"$fault_work/acked-keys.txt"
awk '$7 == "2xx" { print $8 }' "$fault_work/answers.txt" | sort >"$fault_work/acked-ids.txt"
fault_sql "select substring(key from 'sigterm-.*') from idempotency_records where key like 'intake:%:sigterm-%'" | sort >"$fault_work/stored-keys.txt"
fault_sql "select id from cases" | sort >"$fault_work/stored-ids.txt"
acked=$(wc -l <"$fault_work/acked-keys.txt")
missing_keys=$(comm -23 "$fault_work/acked-keys.txt" "$fault_work/stored-keys.txt" | wc -l)
missing_ids=$(comm -23 "$fault_work/acked-ids.txt" "$fault_work/stored-ids.txt" | wc -l)
unanswered=$(comm -13 "$fault_work/acked-keys.txt" "$fault_work/stored-keys.txt" | wc -l)
short=$(fault_sql "select count(*) from cases c where c.history_length <> (select count(*) from case_history h where h.case_id = c.id)")
echo "  acknowledged $acked, stored $(wc -l <"$fault_work/stored-keys.txt") (of them not answered 201: $unanswered), missing $missing_ids"
check "every acknowledged intake is stored, under its key ($missing_keys missing) and its id ($missing_ids missing)" \
  test "$((missing_keys + missing_ids))" -eq 0
check "every case has all its history entries ($short short)" test "$short" -eq 0
dotnet "$fault_app" verify-history >"$fault_work/verify.txt" 2>&1
verified=$?
check "verify-history passes: $(tail -1 "$fault_work/verify.txt")" test "$verified" -eq 0
fault_finish
