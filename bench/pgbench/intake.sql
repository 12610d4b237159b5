-- The intake statement with fixed values, for pgbench (a C client, no .NET in the way): a fresh
-- case id each time, the rest as the benchmark definition writes it. Against a database the
-- store benchmark left behind (SERVICEWINDOW_BENCH_DB set to a server you started, then
-- `scripts/bench store-intake` creates and keeps servicewindow_bench_store):
--   pgbench -n -M prepared -c 1 -t 3000 -f bench/pgbench/intake.sql servicewindow_bench_store
-- and beside it bench/pgbench/plain.sql. Colons inside the JSON are written \x3a, because pgbench
-- would take `:name` for one of its variables.
\set r random(1, 1000000000000)
with k as (select md5(:r::text || clock_timestamp()::text)::uuid as id),
opened as (
    insert into cases (
        id, definition_id, definition_version, service_item_code, stage, version, history_length,
        first_inquiry_owner, handler_id, accepted_at, promised_deadline, statutory_deadline,
        deadlines_provisional, warning_level, receipt_number, lookup_secret_hash, completed_at,
        state, created_at, updated_at, history_head)
    select id, 'store-bench-permit', 1, null, 'review', 1, 1, 'clerk-1', null, now(), now() + interval '5 days', now() + interval '20 days', false, 'none', null, null, null,
    E'{"Id"\x3a"3cb389d6-832a-44d1-9d59-d448013718f3","DefinitionId"\x3a"store-bench-permit","DefinitionVersion"\x3a1,"Stage"\x3a"review","Version"\x3a1,"HistoryLength"\x3a1,"FirstInquiryOwner"\x3a"clerk-1","Clock"\x3a{"AcceptedAt"\x3a"2026-11-21T22\x3a01\x3a30.9306773+00\x3a00","PromisedLimit"\x3a"5wd","StatutoryLimit"\x3a"20wd","MaxExtension"\x3a"0wd","Episode"\x3a1,"Pauses"\x3a[],"Extensions"\x3a[],"Holds"\x3a[],"Moves"\x3a[]},"WarningLevel"\x3a"None","PromisedDue"\x3a"2026-11-27T17\x3a30\x3a00+08\x3a00","StatutoryDue"\x3a"2026-12-18T17\x3a30\x3a00+08\x3a00","DeadlinesProvisional"\x3afalse,"Timers"\x3a[{"Key"\x3a"escalation\x3a1\x3a1\x3a1","Name"\x3a"escalation.1","DueAt"\x3a"2026-11-26T09\x3a00\x3a00+08\x3a00","Provisional"\x3afalse},{"Key"\x3a"escalation\x3a2\x3a1\x3a1","Name"\x3a"escalation.2","DueAt"\x3a"2026-11-27T17\x3a30\x3a01+08\x3a00","Provisional"\x3afalse},{"Key"\x3a"escalation\x3a3\x3a1\x3a1","Name"\x3a"escalation.3","DueAt"\x3a"2026-12-01T17\x3a30\x3a00+08\x3a00","Provisional"\x3afalse}],"FiredEscalations"\x3a[],"FiredTimers"\x3a[],"Data"\x3a{"Inputs"\x3a{},"Supplements"\x3a[]},"OpenedAt"\x3a"2026-11-21T22\x3a01\x3a30.9306773+00\x3a00","StageEnteredAt"\x3a"2026-11-21T22\x3a01\x3a30.9306773+00\x3a00","StageEntrySequence"\x3a1,"LastTouchedAt"\x3a"2026-11-21T22\x3a01\x3a30.9306773+00\x3a00","LastTouchSequence"\x3a1,"UpdatedAt"\x3a"2026-11-21T22\x3a01\x3a30.9306773+00\x3a00"}'::json,
    now(), now(), 'a3f1c2d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9' from k),
history as (
    insert into case_history (case_id, sequence, kind, actor_id, at, action, from_stage, to_stage, payload, prev_hash, hash)
    select id, 1, 'opened', 'clerk-1', now(), 'accept', null, 'review', E'{"data"\x3a {}, "clock"\x3a {"At"\x3a "2026-11-21T22\x3a01\x3a30.9306773+00\x3a00", "State"\x3a "Running", "Episode"\x3a 1, "Warning"\x3a "None", "Promised"\x3a {"Due"\x3a "2026-11-27T17\x3a30\x3a00+08\x3a00", "Provisional"\x3a false}, "Statutory"\x3a {"Due"\x3a "2026-12-18T17\x3a30\x3a00+08\x3a00", "Provisional"\x3a false}, "PromisedLimit"\x3a "5wd", "WorkingDaysUsed"\x3a 0, "WorkingDaysRemaining"\x3a 5, "WorkingMinutesRemaining"\x3a 2100}}'::jsonb, null, 'a3f1c2d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9' from k),
scheduled as (
    insert into timers (case_id, key, name, due_at)
    select id, t.key, t.name, t.due from k, (values ('escalation:1:1:1', 'escalation.1', now() + interval '4 days'), ('escalation:2:1:1', 'escalation.2', now() + interval '5 days'), ('escalation:3:1:1', 'escalation.3', now() + interval '9 days')) t (key, name, due)),
messages as (
    insert into outbox (case_id, recipient, template, data, created_at, due_at)
    select id, 'clerk-1', 'case.accepted', E'{"case"\x3a "3cb389d6-832a-44d1-9d59-d448013718f3", "stage"\x3a "review", "definition"\x3a "store-bench-permit", "promised_due"\x3a "2026-11-27T17\x3a30\x3a00+08\x3a00"}'::jsonb, now(), now() from k)
select 1;
