-- 0023: a person's queue (the nearest 200 deadlines of the open cases they hold) is read from two
-- index ranges in deadline order instead of sorting every open case they hold: a clerk left with
-- 60,000 open intakes by a load run made each queue read a parallel scan of them (53-64 ms of
-- database time on both cores). The handler index keeps its key and its condition and gains the
-- order's columns, so an intake writes no more index entries than before (promised_deadline is
-- indexed already, so a case whose deadline moves was never a heap-only update). Open cases without
-- a handler are found by their first owner, from an index that holds only them.
drop index cases_by_handler;
create index cases_by_handler on cases (handler_id, promised_deadline, created_at)
    where handler_id is not null and completed_at is null;
create index cases_unhandled_by_first_owner on cases (first_inquiry_owner, promised_deadline, created_at)
    where handler_id is null and completed_at is null;
