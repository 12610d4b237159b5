using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Host.Pages.Statistics;

/// What the statistics page draws beside its tables, read through the same MonthlyStatistics:
/// the office totals of the months up to the chosen one (on-time and satisfaction rates) and the
/// chosen month by item (accepted and completed).
public sealed record StatisticsCharts(IReadOnlyList<MonthlyReport> Trend, MonthlyReport ByItem)
{
    /// How many months the trend covers, the chosen one included.
    public const int TrendMonths = 6;

    public static async Task<StatisticsCharts> ReadAsync(MonthlyStatistics statistics, MonthlyReport chosen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        ArgumentNullException.ThrowIfNull(chosen);
        var trend = new List<MonthlyReport>();
        for (var back = TrendMonths - 1; back >= 1; back--)
        {
            trend.Add(await statistics.GetAsync(chosen.Month.AddMonths(-back), StatisticsDimension.Total, cancellationToken));
        }
        trend.Add(chosen);
        var byItem = chosen.By == StatisticsDimension.Item
            ? chosen
            : await statistics.GetAsync(chosen.Month, StatisticsDimension.Item, cancellationToken);
        return new StatisticsCharts(trend, byItem);
    }
}
