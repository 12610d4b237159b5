using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// Recomputes a closed month from the case history the close counted (each case's entries up to the
/// length recorded at the close) and lists every count that differs from the frozen figures, in
/// every dimension. Adjustments are not differences: they sit beside the frozen figure on purpose.
public sealed class StatisticsVerification(NpgsqlDataSource dataSource, IWorkflowCatalog catalog, StatisticsOptions? options = null)
{
    public async Task<StatisticsVerificationResult> VerifyAsync(DateOnly month, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(month.Day, 1);
        var day = month.ToDateTime(TimeOnly.MinValue);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var closed = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select exists (select 1 from month_closes where month = @day)", new { day }, cancellationToken: cancellationToken));
        if (!closed)
        {
            return new StatisticsVerificationResult(month, false, 0, []);
        }
        var marks = (await connection.QueryAsync<(Guid, int)>(new CommandDefinition(
            "select case_id, history_length from month_close_cases where month = @day order by case_id",
            new { day }, cancellationToken: cancellationToken))).ToList();
        var source = await CaseFactsSource.LoadAsync(connection, catalog, cancellationToken);
        var cases = await source.ReadAsync(connection, marks, cancellationToken);
        var period = StatisticsMonth.Of(month, catalog.Calendar);
        var activity = await MonthlyActivitySource.ReadAsync(connection, null, period, cases, cancellationToken);

        var differences = new List<FigureDifference>();
        foreach (var dimension in FrozenRows.Dimensions)
        {
            var frozen = (await FrozenRows.ReadAsync(connection, month, dimension, cancellationToken)).ToDictionary(r => r.Key, r => r.Figures);
            var recomputed = MonthlyFiguresCalculator.Compute(period, period.End, dimension, activity,
                (options ?? new StatisticsOptions()).Satisfaction).ToDictionary(r => r.Key, r => r.Figures);
            foreach (var key in frozen.Keys.Union(recomputed.Keys).Order(StringComparer.Ordinal))
            {
                var was = frozen.GetValueOrDefault(key) ?? MonthlyFigures.Zero;
                var now = recomputed.GetValueOrDefault(key) ?? MonthlyFigures.Zero;
                for (var i = 0; i < MonthlyFigures.CountNames.Count; i++)
                {
                    if (was.Counts[i] != now.Counts[i])
                    {
                        differences.Add(new FigureDifference(dimension, key, MonthlyFigures.CountNames[i], was.Counts[i], now.Counts[i]));
                    }
                }
            }
        }
        return new StatisticsVerificationResult(month, true, cases.Count, differences);
    }
}
