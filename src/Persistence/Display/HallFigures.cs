namespace ServiceWindow.Persistence.Display;

/// What the hall's wall screen shows: today's counts, each window's open queue and the month's rates.
/// A rate is null while nothing has been counted for it this month.
public sealed record HallFigures(
    DateOnly Day,
    int AcceptedToday,
    int CompletedToday,
    IReadOnlyList<WindowQueue> Windows,
    int CompletedThisMonth,
    decimal? OnTimeRate,
    int RatingsThisMonth,
    decimal? SatisfactionRate);
