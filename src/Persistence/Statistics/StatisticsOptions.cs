using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// Deployment settings of the monthly statistics.
public sealed record StatisticsOptions
{
    /// Which ratings count as satisfied: 3-5 by default, 4-5 where the deployment says so.
    public SatisfactionRule Satisfaction { get; init; } = SatisfactionRule.ThreeToFive;

    /// How old stored live figures may be and still be served (<see cref="LiveFigures"/>); older ones
    /// are computed afresh. Twice the statistics job's default interval of 30 s, so one late run is
    /// not yet a scan per request.
    public TimeSpan LiveMaxAge { get; init; } = TimeSpan.FromSeconds(60);
}
