using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// A month's statistics by one dimension, with the office total.
/// `AsOf` is the close for a closed month and the moment read for the month under way.
public sealed record MonthlyReport(
    DateOnly Month, StatisticsDimension By, bool Closed, DateTimeOffset AsOf, IReadOnlyList<ReportRow> Rows, ReportRow Total);
