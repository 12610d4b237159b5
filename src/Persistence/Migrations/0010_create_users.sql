-- 0010: sign-in accounts for staff, and the server's own keys.
-- A user is a staff member who may sign in: the login is the staff id, so roles, window and
-- department stay in one place (0001). Failed attempts and a lockout end guard against password
-- guessing; a disabled account keeps its row so history entries still name a known person.
-- `case_receipts` keeps each case's receipt number and lookup-secret hash for the citizen lookup:
-- the case write path passes them on the case row only when the case is opened and writes null
-- over them with every later change, so the lookup cannot rely on those columns.
-- `server_keys` holds secrets the application derives values from (the intake's lookup secrets, so
-- a retried intake answers with the same secret without the secret itself being stored).

create table users (
    login            text primary key references staff (id),
    password_hash    text not null,
    failed_attempts  integer not null default 0 check (failed_attempts >= 0),
    locked_until     timestamptz,
    disabled_at      timestamptz,
    created_at       timestamptz not null default now()
);

create table server_keys (
    name        text primary key,
    key         bytea not null check (length(key) >= 32),
    created_at  timestamptz not null default now()
);

create table case_receipts (
    receipt_number      text primary key,
    case_id             uuid not null unique references cases (id),
    lookup_secret_hash  text not null,
    created_at          timestamptz not null default now()
);
