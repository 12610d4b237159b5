using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// One count of a closed month whose frozen value differs from the value recomputed from history.
public sealed record FigureDifference(StatisticsDimension Dimension, string Key, string Count, long Frozen, long Recomputed);
