-- 0002: the service catalogue, published workflow definition versions and working calendars.
-- A case names the definition version it runs and deadlines are computed on a calendar, so both
-- are kept as immutable published versions: a case started on version 3 keeps running version 3,
-- and a calendar update adds a version rather than rewriting the one deadlines were computed on.

create table workflow_definitions (
    id            text not null,
    version       integer not null check (version > 0),
    content       jsonb not null,
    checksum      text not null,
    published_at  timestamptz not null default now(),
    published_by  text references staff (id),
    primary key (id, version)
);

create table service_items (
    code              text primary key,
    name_zh           text not null,
    name_en           text not null,
    department_id     text not null references departments (id),
    kind              text not null check (kind in ('immediate', 'promised')),
    legal_basis       text not null default '',
    -- Limits in the definition language (`20wd`, `30d`, `2wh`); promised <= statutory is checked by the loader.
    statutory_limit   text not null,
    promised_limit    text not null,
    max_extension     text,
    definition_id     text not null,
    -- Materials, special stages and whether each counts, fee: read as a whole, never queried by part.
    details           jsonb not null default '{}',
    active            boolean not null default true,
    created_at        timestamptz not null default now()
);

create table window_service_items (
    window_id          text not null references windows (id),
    service_item_code  text not null references service_items (code),
    primary key (window_id, service_item_code)
);

create table calendars (
    id            text not null,
    version       integer not null check (version > 0),
    content       jsonb not null,
    first_year    integer not null,
    last_year     integer not null check (last_year >= first_year),
    loaded_at     timestamptz not null default now(),
    loaded_by     text references staff (id),
    primary key (id, version)
);
