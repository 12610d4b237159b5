using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// A quarter's stored honours with the weights and places they were chosen by: the red-flag windows
/// and service stars best first, each score explained, and who a confirmed finding left out.
public sealed record HonoursReport(
    StatisticsQuarter Quarter, DateTimeOffset AwardedAt, RankingWeights Weights, HonoursPlaces Places,
    IReadOnlyList<RankingEntry> RedFlagWindows, IReadOnlyList<RankingEntry> ServiceStars,
    IReadOnlyList<BarredCandidate> BarredWindows, IReadOnlyList<BarredCandidate> BarredStaff);
