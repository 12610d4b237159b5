namespace ServiceWindow.Persistence.Statistics;

/// What a ranking run did: the month's stored report and the interviews of the windows last twice running.
public sealed record RankingResult(RankingReport Report, IReadOnlyList<RankingInterview> Interviews);
