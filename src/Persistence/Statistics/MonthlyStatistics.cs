using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// The monthly statistics the API, the pages and the CLI show: a closed month's frozen figures with
/// their adjustments beside them, or the month under way: the live figures the statistics job stored,
/// or, when none are recent enough, computed from the projected case facts (never from the history).
/// Corrections to a closed month go through <see cref="AdjustAsync"/>.
public sealed class MonthlyStatistics(NpgsqlDataSource dataSource, IWorkflowCatalog catalog, TimeProvider clock, StatisticsOptions? options = null)
{
    public async Task<MonthlyReport> GetAsync(DateOnly month, StatisticsDimension by, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(month.Day, 1);
        var day = month.ToDateTime(TimeOnly.MinValue);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var closedAt = await connection.ExecuteScalarAsync<DateTime?>(new CommandDefinition(
            "select closed_at from month_closes where month = @day", new { day }, cancellationToken: cancellationToken));

        List<FigureRow> rows;
        FigureRow total;
        DateTimeOffset asOf;
        if (closedAt is { } at)
        {
            rows = by == StatisticsDimension.Total ? [] : await FrozenRows.ReadAsync(connection, month, by, cancellationToken);
            total = (await FrozenRows.ReadAsync(connection, month, StatisticsDimension.Total, cancellationToken)).SingleOrDefault()
                ?? new FigureRow(StatisticsDimension.Total, "", MonthlyFigures.Zero);
            asOf = new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc), TimeSpan.Zero);
        }
        else
        {
            var live = new LiveFigures(dataSource, catalog, clock, options);
            if (await live.ReadStoredAsync(connection, month, by, cancellationToken) is { } stored)
            {
                (rows, total, asOf) = stored;
            }
            else
            {
                asOf = clock.GetUtcNow();
                var computed = await live.ComputeAsync(connection, null, month, asOf,
                    by == StatisticsDimension.Total ? [by] : [by, StatisticsDimension.Total], cancellationToken);
                rows = [.. computed.Where(r => r.Dimension == by && by != StatisticsDimension.Total)];
                total = computed.Single(r => r.Dimension == StatisticsDimension.Total);
            }
        }

        var adjustments = closedAt is null ? [] : await AdjustmentsAsync(connection, month, cancellationToken);
        var names = await NamesAsync(connection, by, cancellationToken);
        ReportRow Row(FigureRow row)
        {
            var mine = adjustments.Where(a => a.Dimension == row.Dimension && a.Key == row.Key).ToList();
            var adjusted = mine.Aggregate(row.Figures, (figures, a) => figures.Add(a.Count, a.Delta));
            var name = names.GetValueOrDefault(row.Key);
            return new ReportRow(row.Key, name.Zh, name.En, row.Figures, adjusted, mine);
        }
        // An adjustment may concern a key the frozen rows lack (a case counted under the wrong window).
        var keys = rows.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var key in adjustments.Where(a => a.Dimension == by && by != StatisticsDimension.Total && !keys.Contains(a.Key)).Select(a => a.Key).Distinct())
        {
            rows.Add(new FigureRow(by, key, MonthlyFigures.Zero));
        }
        return new MonthlyReport(month, by, closedAt is not null, asOf,
            [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(Row)], Row(total));
    }

    /// Records a correction to a closed month's count. The frozen figure stays; reports show both.
    /// <exception cref="MonthNotClosedException">The month is not closed.</exception>
    public async Task<StatisticsAdjustment> AdjustAsync(DateOnly month, StatisticsDimension dimension, string key, string count, long delta,
        string reason, string authorId, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(month.Day, 1);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentException.ThrowIfNullOrWhiteSpace(authorId);
        ArgumentOutOfRangeException.ThrowIfZero(delta);
        if (!MonthlyFigures.IsCountName(count))
        {
            throw new ArgumentException($"'{count}' is not a count of the monthly figures", nameof(count));
        }
        var adjustment = new StatisticsAdjustment(Guid.NewGuid(), month, dimension, key, count, delta, reason.Trim(), authorId, clock.GetUtcNow());
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into statistics_adjustments (id, month, dimension, key, count_name, delta, reason, author_id, made_at)
            select @Id, c.month, @Dimension, @Key, @Count, @Delta, @Reason, @AuthorId, @MadeAt
            from month_closes c
            where c.month = @Day
            """,
            new
            {
                adjustment.Id, Day = month.ToDateTime(TimeOnly.MinValue), Dimension = FrozenRows.Name(dimension), adjustment.Key,
                adjustment.Count, adjustment.Delta, adjustment.Reason, adjustment.AuthorId, MadeAt = adjustment.MadeAt.UtcDateTime,
            },
            cancellationToken: cancellationToken));
        return inserted == 1 ? adjustment : throw new MonthNotClosedException(month);
    }

    private static async Task<List<StatisticsAdjustment>> AdjustmentsAsync(NpgsqlConnection connection, DateOnly month, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(Guid Id, string Dimension, string Key, string Count, long Delta, string Reason, string AuthorId, DateTime MadeAt)>(
            new CommandDefinition(
                """
                select id, dimension, key, count_name, delta, reason, author_id, made_at
                from statistics_adjustments
                where month = @day
                order by made_at, id
                """,
                new { day = month.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => new StatisticsAdjustment(r.Id, month, Enum.Parse<StatisticsDimension>(r.Dimension, ignoreCase: true), r.Key,
            r.Count, r.Delta, r.Reason, r.AuthorId, new DateTimeOffset(DateTime.SpecifyKind(r.MadeAt, DateTimeKind.Utc), TimeSpan.Zero)))];
    }

    /// The names of a dimension's keys in both languages, for what lists keys alone (rankings, honours).
    public async Task<IReadOnlyDictionary<string, (string? Zh, string? En)>> NamesAsync(StatisticsDimension by, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await NamesAsync(connection, by, cancellationToken);
    }

    private static async Task<Dictionary<string, (string? Zh, string? En)>> NamesAsync(NpgsqlConnection connection, StatisticsDimension by,
        CancellationToken cancellationToken)
    {
        var sql = by switch
        {
            StatisticsDimension.Department => "select id, name_zh, name_en from departments",
            StatisticsDimension.Window => "select id, name_zh, name_en from windows",
            StatisticsDimension.Staff => "select id, display_name, display_name from staff",
            StatisticsDimension.Item => "select code, name_zh, name_en from service_items",
            _ => null,
        };
        if (sql is null)
        {
            return [];
        }
        var rows = await connection.QueryAsync<(string Id, string? Zh, string? En)>(new CommandDefinition(sql, cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Id, r => (r.Zh, r.En), StringComparer.Ordinal);
    }
}
