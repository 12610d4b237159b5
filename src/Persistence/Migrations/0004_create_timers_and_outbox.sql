-- 0004: pending timers and the notification outbox.
-- Deadlines and escalations are rows, not scheduler triggers: one sweep claims whatever is due
-- (indexed on the due instant, so its cost follows the due timers, not the pending ones) and
-- commits the engine's effects in the same transaction. Notifications are written with the
-- command that causes them and sent later, so a rolled-back command never texts anybody.

create table timers (
    case_id     uuid not null references cases (id),
    key         text not null,
    name        text not null,
    due_at      timestamptz not null,
    -- A timer whose firing failed is pushed back rather than retried in a tight loop.
    attempts    integer not null default 0,
    last_error  text,
    created_at  timestamptz not null default now(),
    primary key (case_id, key)
);

create index timers_by_due on timers (due_at);

create table outbox (
    id          bigint generated always as identity primary key,
    case_id     uuid references cases (id),
    recipient   text not null,
    template    text not null,
    data        jsonb not null,
    created_at  timestamptz not null,
    -- When the next attempt may be made; pushed back after each failure.
    due_at      timestamptz not null,
    attempts    integer not null default 0,
    last_error  text,
    sent_at     timestamptz,
    -- Given up after too many failures; kept for the jobs view, never retried.
    failed_at   timestamptz
);

create index outbox_pending_by_due on outbox (due_at) where sent_at is null and failed_at is null;
