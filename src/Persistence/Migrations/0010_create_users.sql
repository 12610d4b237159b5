-- 0010: sign-in accounts for staff, and the server's own keys.
-- A user is a staff member who may sign in: the login is the staff id, so roles, window and
-- department stay in one place (0001). Failed attempts and a lockout end guard against password
-- guessing; a disabled account keeps its row so history entries still name a known person.
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
