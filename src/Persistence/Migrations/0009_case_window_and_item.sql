-- 0009: the window a case was opened at, and the service item every case runs.
-- Supervision and the statistics list and count cases by window and by item. Until now
-- `service_item_code` was written as NULL by every write path and the window was only inside the
-- state's inputs, so neither could be queried. Every path now writes both: the window from the
-- opening command's input `window`, the item code from the definition the case runs.

alter table cases add column window_id text references windows (id);

-- "The open cases of a window", a supervisor's list: closed cases are left out of the index.
create index cases_open_by_window on cases (window_id) where completed_at is null;

-- Existing cases: the window their opening entry names, where that window exists.
update cases c set window_id = h.payload -> 'data' ->> 'window'
from case_history h
where h.case_id = c.id and h.sequence = 1
  and exists (select 1 from windows w where w.id = h.payload -> 'data' ->> 'window');

-- A definition is the workflow of one catalogue item and its id is the item's code.
update cases set service_item_code = definition_id where service_item_code is null;
