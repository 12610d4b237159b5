-- Referrals and complaints are cases (inquiry-referral, complaint-handling): their figures are read
-- from those cases' history like every other fact, and stored with the case's facts. The side tables
-- `referrals` and `complaints` are no longer what the statistics count.

alter table case_facts
    -- Each referral the case made: target keys, when referred, the acknowledgement limit, when acknowledged.
    add column referrals              jsonb not null default '[]',
    add column first_referred_at      timestamptz,
    add column last_referred_at       timestamptz,
    add column complaint_received_at  timestamptz,
    add column complaint_verified_at  timestamptz,
    add column complaint_staff_id     text;

-- An inquiry is never accepted (its clock never runs): a month finds it by when it referred.
create index case_facts_unaccepted_by_referred on case_facts (last_referred_at) where accepted_at is null;
