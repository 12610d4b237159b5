-- 0020: the stored quarterly honours, red-flag windows (红旗窗口) and service stars (服务标兵).
-- A quarter's honours are chosen once its three months are closed, from their frozen figures, and
-- kept with the weights and places they were chosen by and the candidates a confirmed finding
-- barred: the circulated result can always be explained, whatever the configuration is today.
-- The quarter is the row's key, so a rerun or a second host stores and circulates nothing twice.

create table quarterly_honours (
    -- The first day of the quarter's first month.
    quarter               date primary key
                          check (extract(day from quarter) = 1 and extract(month from quarter) in (1, 4, 7, 10)),
    awarded_at            timestamptz not null,
    weights               jsonb not null,
    red_flag_places       integer not null check (red_flag_places >= 0),
    service_star_places   integer not null check (service_star_places >= 0),
    -- Position, window or staff id, score and the lines that explain it, best first.
    red_flag_windows      jsonb not null,
    service_stars         jsonb not null,
    -- Key and confirmed findings of each candidate the rule left out.
    barred_windows        jsonb not null,
    barred_staff          jsonb not null
);
