namespace ServiceWindow.Workflows.Statistics;

/// <summary>One row of the monthly statistics: a key in a dimension and its figures.</summary>
/// <param name="Dimension">What the rows are grouped by.</param>
/// <param name="Key">The department, window, staff or item id; "" for the total and for unknown.</param>
/// <param name="Figures">The counts.</param>
public sealed record FigureRow(StatisticsDimension Dimension, string Key, MonthlyFigures Figures);
