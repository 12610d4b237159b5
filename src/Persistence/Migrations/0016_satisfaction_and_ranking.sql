-- 0016: rating invitations, the link from a bad review to its rectification case, and the stored
-- monthly window ranking.
-- An invitation row is written with its outbox message in one transaction and keyed by the case,
-- so a case completed once is invited once however many sweeps run; its reminder is settled once,
-- claimed with `for update skip locked`: sent, or not needed because the applicant had rated.
-- A bad review points at the rectification case opened for it, so the monthly figures can read
-- from that case's history whether it was called back in time or voided on appeal.
-- The ranking of a closed month is kept with the weights it was made with: the report circulated
-- and the interview findings it led to can always be explained, whatever the weights are today.

create table rating_invitations (
    case_id     uuid primary key references cases (id),
    invited_at  timestamptz not null,
    remind_at   timestamptz not null,
    settled_at  timestamptz,
    reminded    boolean,
    check ((settled_at is null) = (reminded is null))
);

create index rating_invitations_reminders_due on rating_invitations (remind_at) where settled_at is null;

-- The sweep looks at the cases completed lately; the open-case indexes already name completed_at,
-- so completing a case was never a heap-only update and this adds one index entry, no more.
create index cases_by_completed_at on cases (completed_at) where completed_at is not null;

create table bad_review_rectifications (
    rating_id  uuid primary key references ratings (id),
    case_id    uuid not null unique references cases (id),
    linked_at  timestamptz not null
);

create index ratings_bad_reviews_by_rated_at on ratings (rated_at) where bad_review;

create table window_rankings (
    month      date primary key references month_closes (month),
    ranked_at  timestamptz not null,
    weights    jsonb not null,
    -- Position, window, score and the lines that explain it, best first.
    entries    jsonb not null
);
