using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// A correction to a closed month's count, shown beside the frozen figure with who made it and why.
public sealed record StatisticsAdjustment(
    Guid Id, DateOnly Month, StatisticsDimension Dimension, string Key, string Count, long Delta, string Reason, string AuthorId, DateTimeOffset MadeAt);
