namespace ServiceWindow.Host.Demo;

/// What a seed run did: how many of each kind of step happened (by the names in <see cref="DemoPlan"/>),
/// the months closed, or that the office was there already and nothing was written.
public sealed record DemoOfficeSummary(bool AlreadyLoaded, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<DateOnly> ClosedMonths,
    int Refused, TimeSpan Elapsed);
