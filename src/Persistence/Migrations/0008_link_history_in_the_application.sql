-- 0008: the application links the history chain; the database keeps it append-only.
-- Measured on the intake (one case, one entry, three timers, one message): the per-row chain
-- trigger and the history's foreign key were a third of the database's work, most of it PL/pgSQL
-- setting itself up again in every transaction, to hash a text the application already holds.
-- The writer now hashes each entry (the same text `case_history_hash` defines) and the case row
-- keeps the head of its chain; every later write is guarded by that head as well as by the
-- version, so an entry can only follow the one that is last. Entries are still never changed or
-- removed (the trigger of 0003), and verify-history recomputes every hash from the stored rows.

alter table cases add column history_head text;

update cases c set history_head = h.hash
from case_history h
where h.case_id = c.id and h.sequence = c.history_length;

drop trigger case_history_chain on case_history;
drop function case_history_chain();

-- A case's first entry links to nothing and every later one to something.
alter table case_history add constraint case_history_links check ((sequence = 1) = (prev_hash is null));

-- The key only re-checked the case the same statement had just written or updated. What it also
-- gave, that a case with history cannot be removed or re-keyed, a trigger that costs the write
-- path nothing now gives; an entry whose case is missing is reported by verify-history.
alter table case_history drop constraint case_history_case_id_fkey;

create function cases_refuse_removal() returns trigger language plpgsql as $$
begin
    raise exception 'case % cannot be removed or re-keyed: its history refers to it', old.id using errcode = 'SW002';
end
$$;

create trigger cases_keep before delete or update of id on cases
    for each row execute function cases_refuse_removal();

-- The state is the engine's own document, read and written whole and never queried inside:
-- `json` keeps its text as given, where `jsonb` would parse and rebuild it on every write.
alter table cases alter column state type json using state::json;
