-- 0013: the accountability register. A finding may concern a window as well as a person (the
-- interview of a window's chief after two last places), the person's statement is dated, and the
-- sanction of each verified complaint is recorded once with its rung of the year's ladder.

alter table findings add column window_id text references windows (id);
alter table findings add column statement_at timestamptz;
-- The ranking month an interview finding answers: with the index below, a retried ranking files it once.
alter table findings add column ranking_month date;

alter table findings drop constraint findings_kind_check;
alter table findings add constraint findings_kind_check
    check (kind in ('inaction', 'slow_action', 'misconduct', 'lost_referral', 'multiple_notifications', 'interview'));
alter table findings add constraint findings_statement_dated check ((statement is null) = (statement_at is null));

create unique index findings_one_interview_per_window_and_month on findings (window_id, ranking_month) where kind = 'interview';
create index findings_by_window on findings (window_id, opened_at) where window_id is not null;

create table sanctions (
    complaint_id  uuid primary key references complaints (id),
    staff_id      text not null references staff (id),
    -- The calendar year in the office's zone: the ladder starts again on 1 January.
    year          integer not null,
    rung          integer not null check (rung > 0),
    sanction      text not null check (sanction in ('admonishment', 'circulated_criticism', 'job_rotation')),
    recorded_at   timestamptz not null
);

create index sanctions_by_staff on sanctions (staff_id, year);
