using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// The stored ranking of a closed month's windows, with the weights it was made with, best first.
public sealed record RankingReport(DateOnly Month, DateTimeOffset RankedAt, RankingWeights Weights, IReadOnlyList<RankingEntry> Entries);
