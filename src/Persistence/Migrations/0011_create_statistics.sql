-- 0011: the monthly statistics: per-case facts, frozen months, their case marks and adjustments.
-- A report reads facts, not history: `case_facts` holds what the statistics need of each case, kept
-- up to date by the projector, which looks only at cases whose history grew since it last ran (found
-- through the history's `recorded_at`, now indexed; the case row is left alone so its updates stay
-- heap-only). A closed month is frozen per dimension and key in `statistics_frozen_rows`, with the
-- history length of every case it counted in `month_close_cases`, so the month can be recomputed
-- from exactly that history. A later correction is an adjustment row with its reason and author.

create table case_facts (
    case_id                 uuid primary key,
    -- The history entries these facts were read from (a prefix of the case's history).
    history_length          integer not null check (history_length > 0),
    department_id           text,
    window_id               text,
    staff_id                text,
    item_code               text not null,
    kind                    text not null check (kind in ('immediate', 'promised')),
    accepted_at             timestamptz,
    completed_at            timestamptz,
    outcome                 text,
    promised_due            timestamptz,
    statutory_due           timestamptz,
    completed_early         boolean not null,
    working_days_used       integer check (working_days_used >= 0),
    statutory_working_days  integer check (statutory_working_days > 0),
    supplements             timestamptz[] not null default '{}',
    extensions              timestamptz[] not null default '{}',
    projected_at            timestamptz not null
);

-- A month reads the cases completed in it and those still open: two ranges, not a scan.
create index case_facts_by_completed on case_facts (completed_at);
create index case_facts_open_by_accepted on case_facts (accepted_at) where completed_at is null;

-- Only the projector writes this row: how far in `recorded_at` it has looked.
create table statistics_projection (
    id              integer primary key check (id = 1),
    recorded_until  timestamptz not null
);

create index case_history_by_recorded_at on case_history (recorded_at);

create table statistics_frozen_rows (
    month      date not null references month_closes (month),
    dimension  text not null check (dimension in ('department', 'window', 'staff', 'item', 'total')),
    key        text not null,
    -- Every count of the row by name; the rates are derived from them when read.
    counts     jsonb not null,
    primary key (month, dimension, key)
);

create table month_close_cases (
    month           date not null references month_closes (month),
    case_id         uuid not null,
    history_length  integer not null check (history_length > 0),
    primary key (month, case_id)
);

create table statistics_adjustments (
    id          uuid primary key,
    month       date not null references month_closes (month),
    dimension   text not null check (dimension in ('department', 'window', 'staff', 'item', 'total')),
    key         text not null,
    count_name  text not null,
    delta       bigint not null check (delta <> 0),
    reason      text not null check (length(btrim(reason)) > 0),
    author_id   text not null check (length(btrim(author_id)) > 0),
    made_at     timestamptz not null
);

create index statistics_adjustments_by_month on statistics_adjustments (month, dimension, key);
