using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Months;

/// Closes a month on the 1st of the next, in the calendar's zone: brings every case's facts up to
/// its history, then in one transaction records the close, the history length of every case the
/// month counts (so the month can be recomputed from exactly that history) and the frozen figures
/// per dimension and key. Closing twice is a no-op.
public sealed class MonthlyClose
{
    private readonly NpgsqlDataSource dataSource;
    private readonly TimeProvider clock;
    private readonly IWorkflowCatalog catalog;
    private readonly StatisticsOptions options;

    public MonthlyClose(NpgsqlDataSource dataSource, IWorkflowCatalog catalog, TimeProvider clock, StatisticsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        this.dataSource = dataSource;
        this.catalog = catalog;
        this.clock = clock;
        this.options = options ?? new StatisticsOptions();
    }

    private TimeZoneInfo Zone => catalog.Calendar.TimeZone;

    /// The month that ended most recently, in <paramref name="zone"/>, at <paramref name="now"/>.
    public static DateOnly PreviousMonth(DateTimeOffset now, TimeZoneInfo zone) =>
        StatisticsMonth.Containing(now, zone).Month.AddMonths(-1);

    /// The month that ended most recently in the calendar's zone.
    public DateOnly PreviousMonth() => PreviousMonth(clock.GetUtcNow(), Zone);

    /// Returns false when the month was already closed.
    public async Task<bool> CloseAsync(DateOnly month, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(month.Day, 1);
        var period = StatisticsMonth.Of(month, Zone);
        var now = clock.GetUtcNow();
        ArgumentOutOfRangeException.ThrowIfGreaterThan(period.End, now, nameof(month));

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var closed = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from month_closes where month = @month)", new { month = month.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken));
        if (closed)
        {
            return false;
        }
        if (catalog is not null)
        {
            await new StatisticsProjector(dataSource, catalog, clock).CatchUpAsync(connection, cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into month_closes (month, closed_at, history_entries, snapshot)
            select @month, @now, (select count(*) from case_history),
                   jsonb_build_object(
                       'accepted', (select count(*) from cases where accepted_at >= @start and accepted_at < @end),
                       'completed', (select count(*) from cases where completed_at >= @start and completed_at < @end),
                       'open_past_promised', (select count(*) from cases
                                              where accepted_at < @end and promised_deadline < @end
                                                and (completed_at is null or completed_at >= @end)))
            on conflict (month) do nothing
            """,
            new { month = month.ToDateTime(TimeOnly.MinValue), now = now.UtcDateTime, start = period.Start.UtcDateTime, end = period.End.UtcDateTime },
            transaction, cancellationToken: cancellationToken));
        if (inserted == 0)
        {
            return false;
        }
        if (catalog is not null)
        {
            var cases = await CaseFactsTable.ReadMonthAsync(connection, transaction, period, cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into month_close_cases (month, case_id, history_length)
                select @month, m.case_id, m.history_length
                from unnest(@ids, @lengths) as m (case_id, history_length)
                """,
                new { month = month.ToDateTime(TimeOnly.MinValue), ids = cases.Select(c => c.CaseId).ToArray(), lengths = cases.Select(c => c.HistoryLength).ToArray() },
                transaction, cancellationToken: cancellationToken));
            var activity = await MonthlyActivitySource.ReadAsync(connection, transaction, period, cases, cancellationToken);
            foreach (var dimension in FrozenRows.Dimensions)
            {
                var rows = MonthlyFiguresCalculator.Compute(period, period.End, dimension, activity, options.Satisfaction);
                await FrozenRows.WriteAsync(connection, transaction, month, rows, cancellationToken);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
