namespace ServiceWindow.Persistence.Statistics;

/// An adjustment was asked for a month that is not closed: its live figures follow the history.
public sealed class MonthNotClosedException(DateOnly month)
    : InvalidOperationException($"{month:yyyy-MM} is not closed; only a closed month's figures are adjusted")
{
    public DateOnly Month { get; } = month;
}
