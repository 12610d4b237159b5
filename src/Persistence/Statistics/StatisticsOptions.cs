using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// Deployment settings of the monthly statistics.
public sealed record StatisticsOptions
{
    /// Which ratings count as satisfied: 3-5 by default, 4-5 where the deployment says so.
    public SatisfactionRule Satisfaction { get; init; } = SatisfactionRule.ThreeToFive;
}
