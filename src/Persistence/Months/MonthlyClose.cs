using Dapper;
using Npgsql;

namespace ServiceWindow.Persistence.Months;

/// Closes a month on the 1st of the next: records when, how many history entries existed at that
/// moment (the closed figures are computed from those entries only, so they can be reproduced),
/// and a first snapshot of case counts. The monthly statistics themselves are not computed here
/// yet; they will read the high-water mark this writes. Closing twice is a no-op.
public sealed class MonthlyClose(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public static readonly TimeZoneInfo OfficeTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    /// The month that ended most recently, in office time, at <paramref name="now"/>.
    public static DateOnly PreviousMonth(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, OfficeTimeZone);
        return new DateOnly(local.Year, local.Month, 1).AddMonths(-1);
    }

    /// Returns false when the month was already closed.
    public async Task<bool> CloseAsync(DateOnly month, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(month.Day, 1);
        var start = Instant(month);
        var end = Instant(month.AddMonths(1));
        var now = clock.GetUtcNow();
        ArgumentOutOfRangeException.ThrowIfGreaterThan(end, now, nameof(month));

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into month_closes (month, closed_at, history_entries, snapshot)
            select @month, @now, (select count(*) from case_history where recorded_at <= @now),
                   jsonb_build_object(
                       'accepted', (select count(*) from cases where accepted_at >= @start and accepted_at < @end),
                       'completed', (select count(*) from cases where completed_at >= @start and completed_at < @end),
                       'open_past_promised', (select count(*) from cases
                                              where accepted_at < @end and promised_deadline < @end
                                                and (completed_at is null or completed_at >= @end)))
            on conflict (month) do nothing
            """,
            new { month = month.ToDateTime(TimeOnly.MinValue), now = now.UtcDateTime, start = start.UtcDateTime, end = end.UtcDateTime },
            cancellationToken: cancellationToken));
        return inserted == 1;
    }

    private static DateTimeOffset Instant(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, OfficeTimeZone.GetUtcOffset(local));
    }
}
