-- 0024: the index a month reads its completed cases from held every open case too, under a null
-- `completed_at` no query looks for; each projected intake paid an index entry for it. Open cases
-- are found through `case_facts_open_by_accepted`.
drop index case_facts_by_completed;
create index case_facts_by_completed on case_facts (completed_at) where completed_at is not null;
