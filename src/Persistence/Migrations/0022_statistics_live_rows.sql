-- 0022: the live figures of the months not yet closed, stored per dimension and key like a closed
-- month's frozen rows. The statistics job computes them from `case_facts` right after it brings the
-- facts up to date, so a live report reads a few dozen rows instead of folding every facts row of the
-- month on each request; the figures are exactly as fresh as the facts they are computed from.

create table statistics_live_months (
    month   date primary key,
    -- The instant the figures were computed at: "open past the promised date" is judged then.
    as_of   timestamptz not null
);

create table statistics_live_rows (
    month      date not null references statistics_live_months (month) on delete cascade,
    dimension  text not null check (dimension in ('department', 'window', 'staff', 'item', 'total')),
    key        text not null,
    counts     jsonb not null,
    primary key (month, dimension, key)
);
