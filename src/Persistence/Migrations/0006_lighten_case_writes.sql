-- 0006: lighter writes on the intake and sweep paths.
-- Timers and outbox rows no longer carry a foreign key to their case. Every such row is written
-- by the case write path in the same transaction as the case's insert or guarded update, and cases
-- are never deleted, so the key only re-checked what that transaction had just written, at one
-- lookup per row (three timers and a message per intake, a message per fired timer). An orphan
-- timer could not fire anyway: the sweep claims timers joined to their case. The history keeps its
-- key: it is the evidence, and its chain trigger looks the case's entries up regardless.
alter table timers drop constraint timers_case_id_fkey;
alter table outbox drop constraint outbox_case_id_fkey;

-- Every command and every fired timer rewrites its case row. Room on each page lets PostgreSQL
-- update in place (a heap-only tuple, no new index entries) when no indexed column changes, which
-- is the common case: an escalation changes the warning level, the state and the version.
alter table cases set (fillfactor = 80);
