using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// One row of a monthly report: the figures (frozen for a closed month, live otherwise), the
/// figures with the adjustments applied, and the adjustments themselves.
public sealed record ReportRow(
    string Key, string? NameZh, string? NameEn, MonthlyFigures Figures, MonthlyFigures Adjusted, IReadOnlyList<StatisticsAdjustment> Adjustments);
