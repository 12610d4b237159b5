-- 0003: inquiries, referrals, cases and their append-only, hash-chained history.
-- The case row is the current state (the engine's full state as jsonb plus the columns lists and
-- supervision query); the history is the record of how it got there. The database itself refuses
-- to change or remove a history entry, and chains each entry to the one before it, so an edit
-- made behind the application's back is refused, or found by `servicewindow verify-history`.

create table inquiries (
    id               uuid primary key,
    owner_staff_id   text not null references staff (id),
    window_id        text references windows (id),
    channel          text not null check (channel in ('in_person', 'phone', 'online')),
    subject          text not null,
    contact          text,
    status           text not null default 'open' check (status in ('open', 'answered', 'referred', 'case_opened', 'closed')),
    case_id          uuid,
    received_at      timestamptz not null,
    closed_at        timestamptz
);

create table cases (
    id                     uuid primary key,
    definition_id          text not null,
    definition_version     integer not null check (definition_version > 0),
    service_item_code      text,
    stage                  text not null,
    -- Bumped by every committed command; updates are guarded by it (`where version = @expected`).
    version                bigint not null check (version > 0),
    history_length         integer not null check (history_length >= 0),
    first_inquiry_owner    text,
    handler_id             text,
    accepted_at            timestamptz,
    promised_deadline      timestamptz,
    statutory_deadline     timestamptz,
    deadlines_provisional  boolean not null default false,
    warning_level          text not null default 'none',
    receipt_number         text unique,
    -- A citizen looks a case up with receipt number + secret; only a hash of the secret is kept.
    lookup_secret_hash     text,
    completed_at           timestamptz,
    state                  jsonb not null,
    created_at             timestamptz not null,
    updated_at             timestamptz not null
);

-- Raised from inside a write batch when the guarded update matched no row, so the whole batch
-- (one implicit transaction, one round trip) fails instead of writing history for a stale state.
-- Volatile so the planner never evaluates it ahead of the case expression that guards it.
create function case_version_conflict(case_id uuid, expected bigint) returns integer
language plpgsql volatile as $$
begin
    raise exception 'case % is no longer at version %', case_id, expected using errcode = 'SW409';
end
$$;

create index cases_open_by_promised_deadline on cases (promised_deadline) where completed_at is null;
create index cases_by_handler on cases (handler_id) where completed_at is null;
create index cases_provisional on cases (id) where deadlines_provisional and completed_at is null;

alter table inquiries add constraint inquiries_case_fk foreign key (case_id) references cases (id);

create table referrals (
    id                    uuid primary key,
    inquiry_id            uuid references inquiries (id),
    case_id               uuid references cases (id),
    from_staff_id         text not null references staff (id),
    target_window_id      text references windows (id),
    target_department_id  text references departments (id),
    matter                text not null,
    contact_phone         text not null,
    referred_at           timestamptz not null,
    acknowledge_by        timestamptz not null,
    acknowledged_at       timestamptz,
    acknowledged_by       text references staff (id),
    check (target_window_id is not null or target_department_id is not null)
);

create index referrals_unacknowledged on referrals (acknowledge_by) where acknowledged_at is null;

create table case_history (
    case_id      uuid not null references cases (id),
    sequence     integer not null check (sequence > 0),
    kind         text not null,
    actor_id     text,
    at           timestamptz not null,
    action       text,
    from_stage   text,
    to_stage     text,
    payload      jsonb not null,
    -- Filled by the chain trigger below, never by the application.
    prev_hash    text,
    hash         text not null,
    recorded_at  timestamptz not null default now(),
    primary key (case_id, sequence)
);

-- The canonical text an entry's hash is taken over. verify-history rebuilds the same text in
-- the application from the stored columns, so the two must change together (a new migration).
create function case_history_hash(
    prev_hash text, case_id uuid, sequence integer, kind text, actor_id text, at timestamptz,
    action text, from_stage text, to_stage text, payload jsonb) returns text
language sql stable as $$
    select encode(sha256(convert_to(
        coalesce(prev_hash, '') || E'\n' ||
        case_id::text || E'\n' ||
        sequence::text || E'\n' ||
        kind || E'\n' ||
        coalesce(actor_id, '') || E'\n' ||
        to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') || E'\n' ||
        coalesce(action, '') || E'\n' ||
        coalesce(from_stage, '') || E'\n' ||
        coalesce(to_stage, '') || E'\n' ||
        payload::text, 'UTF8')), 'hex')
$$;

-- Links each new entry to its predecessor and refuses a gap; a concurrent writer of the same
-- sequence loses on the primary key.
create function case_history_chain() returns trigger language plpgsql as $$
declare
    previous text;
begin
    if new.sequence > 1 then
        select h.hash into previous from case_history h where h.case_id = new.case_id and h.sequence = new.sequence - 1;
        if not found then
            raise exception 'case % history entry % would leave a gap', new.case_id, new.sequence using errcode = '23514';
        end if;
    end if;
    new.prev_hash := previous;
    new.hash := case_history_hash(previous, new.case_id, new.sequence, new.kind, new.actor_id, new.at,
                                  new.action, new.from_stage, new.to_stage, new.payload);
    return new;
end
$$;

create trigger case_history_chain before insert on case_history
    for each row execute function case_history_chain();

-- Append-only for real. TRUNCATE stays possible for the table owner (test resets, a deliberate
-- wipe); the application role is never the owner in production.
create function case_history_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'case_history is append-only: % of case % entry % refused', tg_op, old.case_id, old.sequence
        using errcode = 'SW001';
end
$$;

create trigger case_history_append_only before update or delete on case_history
    for each row execute function case_history_refuse_change();
