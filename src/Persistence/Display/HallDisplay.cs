using Dapper;
using Npgsql;

namespace ServiceWindow.Persistence.Display;

/// Reads the hall display's figures straight from the cases, windows and ratings tables. Day and
/// month are the office's (its time zone), so a case accepted at 07:30 Beijing time counts today.
public sealed class HallDisplay(NpgsqlDataSource dataSource)
{
    public async Task<HallFigures> ReadAsync(DateTimeOffset now, TimeZoneInfo zone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        var dayStart = Start(day, zone);
        var dayEnd = Start(day.AddDays(1), zone);
        var monthStart = Start(new DateOnly(day.Year, day.Month, 1), zone);
        var parameters = new { DayStart = dayStart, DayEnd = dayEnd, MonthStart = monthStart, Now = now };

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var counts = await connection.QuerySingleAsync<Counts>(new CommandDefinition(
            """
            select
                count(*) filter (where accepted_at >= @DayStart and accepted_at < @DayEnd)::int as AcceptedToday,
                count(*) filter (where completed_at >= @DayStart and completed_at < @DayEnd)::int as CompletedToday,
                count(*) filter (where completed_at >= @MonthStart and completed_at <= @Now and promised_deadline is not null)::int as CompletedMonth,
                count(*) filter (where completed_at >= @MonthStart and completed_at <= @Now and completed_at <= promised_deadline)::int as OnTimeMonth
            from cases
            """, parameters, cancellationToken: cancellationToken));
        var ratings = await connection.QuerySingleAsync<RatingCounts>(new CommandDefinition(
            """
            select count(*)::int as Ratings, count(*) filter (where score >= 3)::int as Satisfied
            from ratings
            where voided_at is null and rated_at >= @MonthStart and rated_at <= @Now
            """, parameters, cancellationToken: cancellationToken));
        var windows = (await connection.QueryAsync<WindowQueue>(new CommandDefinition(
            """
            select w.id as WindowId, w.name_zh as NameZh, w.name_en as NameEn,
                   count(c.id)::int as OpenCases,
                   count(c.id) filter (where c.promised_deadline < @Now)::int as Overdue
            from windows w
            left join staff s on s.window_id = w.id
            left join cases c on c.completed_at is null and c.accepted_at is not null
                             and coalesce(c.handler_id, c.first_inquiry_owner) = s.id
            group by w.id, w.name_zh, w.name_en
            order by w.id
            """, parameters, cancellationToken: cancellationToken))).ToList();

        return new HallFigures(
            day,
            counts.AcceptedToday,
            counts.CompletedToday,
            windows,
            counts.CompletedMonth,
            Rate(counts.OnTimeMonth, counts.CompletedMonth),
            ratings.Ratings,
            Rate(ratings.Satisfied, ratings.Ratings));
    }

    private static decimal? Rate(int part, int whole) => whole == 0 ? null : Math.Round((decimal)part / whole, 4);

    private static DateTimeOffset Start(DateOnly day, TimeZoneInfo zone)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)).ToUniversalTime();
    }

    private sealed record Counts(int AcceptedToday, int CompletedToday, int CompletedMonth, int OnTimeMonth);

    private sealed record RatingCounts(int Ratings, int Satisfied);
}
