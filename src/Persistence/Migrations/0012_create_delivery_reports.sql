-- 0012: delivery reports from the SMS platform, one per outbox message.
-- The platform calls back when a text reached the phone or finally did not; the case's timeline
-- lists these beside its history. They are not history entries: the hash chain records what the
-- office did to a case, and a report arrives later, from outside, possibly more than once, so it
-- lives in its own table where a repeated or later report replaces the earlier one.
-- `case_id` is copied from the message so a timeline reads the reports of one case by index.

create table delivery_reports (
    outbox_id    bigint primary key references outbox (id),
    case_id      uuid,
    status       text not null check (status in ('delivered', 'failed')),
    -- When the platform says it happened, as it reported it; received_at is our own clock.
    reported_at  timestamptz not null,
    received_at  timestamptz not null,
    -- The platform's own words on a failure (an operator code, "unknown number"), as sent.
    detail       text check (length(detail) <= 500)
);

create index delivery_reports_by_case on delivery_reports (case_id, reported_at) where case_id is not null;
