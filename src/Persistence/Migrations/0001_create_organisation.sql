-- 0001: departments, windows, staff and their roles.
-- Every later table (catalogue, cases, findings, statistics) names a department, a window or a
-- person, so the organisation comes first. Roles are the fixed set from the domain rules; a person
-- may hold several, hence a separate table rather than a column.

create table departments (
    id          text primary key,
    name_zh     text not null,
    name_en     text not null,
    created_at  timestamptz not null default now()
);

create table windows (
    id             text primary key,
    department_id  text not null references departments (id),
    name_zh        text not null,
    name_en        text not null,
    created_at     timestamptz not null default now()
);

create table staff (
    id             text primary key,
    display_name   text not null,
    department_id  text not null references departments (id),
    window_id      text references windows (id),
    phone          text,
    active         boolean not null default true,
    created_at     timestamptz not null default now()
);

create table staff_roles (
    staff_id  text not null references staff (id),
    role      text not null check (role in ('clerk', 'handler', 'section_chief', 'leader', 'efficiency_office', 'admin')),
    primary key (staff_id, role)
);
