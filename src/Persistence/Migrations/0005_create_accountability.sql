-- 0005: findings, ratings, complaints, idempotency records and month closes.
-- Findings point at the history entries that are their evidence; ratings and complaints feed
-- rectification and the sanction ladder; idempotency records let a retried command return its
-- first result without writing again; a month close freezes what the statistics may read.

create table findings (
    id                    uuid primary key,
    kind                  text not null check (kind in ('inaction', 'slow_action', 'misconduct', 'lost_referral', 'multiple_notifications')),
    case_id               uuid references cases (id),
    responsible_staff_id  text not null,
    reason                text not null,
    evidence_sequences    integer[] not null default '{}',
    status                text not null default 'open' check (status in ('open', 'confirmed', 'dismissed')),
    opened_at             timestamptz not null,
    statement             text,
    decided_at            timestamptz,
    decided_by            text references staff (id),
    check ((status = 'open') = (decided_at is null))
);

create index findings_by_responsible on findings (responsible_staff_id, opened_at);

create table ratings (
    id           uuid primary key,
    case_id      uuid references cases (id),
    inquiry_id   uuid references inquiries (id),
    window_id    text references windows (id),
    staff_id     text references staff (id),
    score        integer not null check (score between 1 and 5),
    comment      text,
    rated_at     timestamptz not null,
    bad_review   boolean generated always as (score <= 2) stored,
    voided_at    timestamptz,
    void_reason  text,
    check (case_id is not null or inquiry_id is not null),
    check ((voided_at is null) = (void_reason is null))
);

create table complaints (
    id                uuid primary key,
    -- The complaint is itself handled as a case running the complaint definition.
    case_id           uuid references cases (id),
    subject_case_id   uuid references cases (id),
    against_staff_id  text references staff (id),
    received_at       timestamptz not null,
    verified          boolean,
    decided_at        timestamptz,
    check ((verified is null) = (decided_at is null))
);

create index complaints_verified_by_staff on complaints (against_staff_id, decided_at) where verified;

create table idempotency_records (
    key           text primary key,
    case_id       uuid not null,
    action        text not null,
    -- Hash of the command's content: the same key with a different command is refused, not replayed.
    request_hash  text not null,
    result        jsonb not null,
    recorded_at   timestamptz not null default now()
);

create table month_closes (
    month            date primary key check (extract(day from month) = 1),
    closed_at        timestamptz not null,
    -- The history entries written up to the close: closed figures are recomputed from these only.
    history_entries  bigint not null,
    snapshot         jsonb not null
);
