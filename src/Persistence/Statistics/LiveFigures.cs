using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// The figures of the months not yet closed. The statistics job computes them for every dimension
/// right after the projector brought the facts up to date (<see cref="RefreshAsync"/>) and stores
/// them, so a live report reads a few dozen rows rather than folding every facts row of the month
/// per request. A report finds stored figures no older than <see cref="StatisticsOptions.LiveMaxAge"/>,
/// else it computes them itself (<see cref="ComputeAsync"/>), as a host without the job does.
public sealed class LiveFigures(NpgsqlDataSource dataSource, IWorkflowCatalog catalog, TimeProvider clock, StatisticsOptions? options = null)
{
    /// The advisory lock a refresh holds: two hosts refreshing at once would only compute the same
    /// figures twice, so the second skips its turn.
    public const long RefreshLock = 0x5357_4c49_5645; // "SWLIVE"

    private StatisticsOptions Options => options ?? new StatisticsOptions();

    /// Computes and stores the figures of the month under way, and of the month before while it is
    /// not closed yet (the night of the 1st, before the close). Returns the months stored; none when
    /// another host is refreshing at the same moment.
    public async Task<IReadOnlyList<DateOnly>> RefreshAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var current = StatisticsMonth.Containing(now, catalog.Calendar.TimeZone).Month;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // Stored figures are computed again on the next run: not worth a wait for the disk.
        await connection.ExecuteAsync(new CommandDefinition("set local synchronous_commit = off", transaction: transaction,
            cancellationToken: cancellationToken));
        if (!await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select pg_try_advisory_xact_lock(@RefreshLock)", new { RefreshLock }, transaction, cancellationToken: cancellationToken)))
        {
            return [];
        }
        var previousClosed = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from month_closes where month = @month)",
            new { month = current.AddMonths(-1).ToDateTime(TimeOnly.MinValue) }, transaction, cancellationToken: cancellationToken));
        List<DateOnly> months = previousClosed ? [current] : [current.AddMonths(-1), current];
        // A closed month is read from its frozen rows; an older live month would only mislead.
        await connection.ExecuteAsync(new CommandDefinition(
            "delete from statistics_live_months where month <> all(@months)",
            new { months = months.Select(m => m.ToDateTime(TimeOnly.MinValue)).ToArray() }, transaction, cancellationToken: cancellationToken));
        foreach (var month in months)
        {
            var rows = await ComputeAsync(connection, transaction, month, now, FrozenRows.Dimensions, cancellationToken);
            var day = month.ToDateTime(TimeOnly.MinValue);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into statistics_live_months (month, as_of) values (@day, @asOf)
                on conflict (month) do update set as_of = excluded.as_of;
                delete from statistics_live_rows where month = @day;
                """,
                new { day, asOf = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into statistics_live_rows (month, dimension, key, counts)
                values (@day, @dimension, @key, @counts::jsonb)
                """,
                rows.Select(r => new { day, dimension = FrozenRows.Name(r.Dimension), key = r.Key, counts = FrozenRows.CountsJson(r.Figures) }),
                transaction, cancellationToken: cancellationToken));
        }
        await transaction.CommitAsync(cancellationToken);
        return months;
    }

    /// The stored figures of <paramref name="month"/> by <paramref name="by"/> and its total, with the
    /// instant they were computed at; null when none are stored or they are older than the options allow.
    internal async Task<(List<FigureRow> Rows, FigureRow Total, DateTimeOffset AsOf)?> ReadStoredAsync(
        NpgsqlConnection connection, DateOnly month, StatisticsDimension by, CancellationToken cancellationToken)
    {
        var day = month.ToDateTime(TimeOnly.MinValue);
        var asOf = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "select as_of from statistics_live_months where month = @day", new { day }, cancellationToken: cancellationToken));
        if (asOf is not { } at)
        {
            return null;
        }
        var stored = new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc), TimeSpan.Zero);
        var age = clock.GetUtcNow() - stored;
        if (age < TimeSpan.Zero || age > Options.LiveMaxAge)
        {
            return null;
        }
        var rows = (await connection.QueryAsync<(string Dimension, string Key, string Counts)>(new CommandDefinition(
            """
            select dimension, key, counts::text
            from statistics_live_rows
            where month = @day and dimension in (@by, 'total')
            order by key collate "C"
            """,
            new { day, by = FrozenRows.Name(by) }, cancellationToken: cancellationToken)))
            .Select(r => new FigureRow(Enum.Parse<StatisticsDimension>(r.Dimension, ignoreCase: true), r.Key, FrozenRows.FromCountsJson(r.Counts)))
            .ToList();
        var total = rows.FirstOrDefault(r => r.Dimension == StatisticsDimension.Total) ?? new FigureRow(StatisticsDimension.Total, "", MonthlyFigures.Zero);
        return (by == StatisticsDimension.Total ? [] : [.. rows.Where(r => r.Dimension == by)], total, stored);
    }

    /// The month's figures in <paramref name="dimensions"/> computed from the facts, "open past the
    /// promised date" judged at <paramref name="asOf"/>.
    internal async Task<List<FigureRow>> ComputeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, DateOnly month,
        DateTimeOffset asOf, IReadOnlyList<StatisticsDimension> dimensions, CancellationToken cancellationToken)
    {
        var period = StatisticsMonth.Of(month, catalog.Calendar);
        var cases = await CaseFactsTable.ReadMonthAsync(connection, transaction, period, cancellationToken);
        var activity = await MonthlyActivitySource.ReadAsync(connection, transaction, period, cases, cancellationToken);
        return [.. dimensions.SelectMany(d => MonthlyFiguresCalculator.Compute(period, asOf, d, activity, Options.Satisfaction))];
    }
}
