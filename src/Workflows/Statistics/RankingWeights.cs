namespace ServiceWindow.Workflows.Statistics;

/// <summary>
/// The weights of a window's score, from the deployment's configuration (`ServiceWindow:Ranking`): points
/// for the on-time and satisfaction rates (a full rate earns the whole weight), points off for each overdue
/// case, statutory breach and confirmed finding.
/// </summary>
public sealed record RankingWeights
{
    /// <summary>Points for an on-time rate of 100%.</summary>
    public decimal OnTime { get; init; } = 60m;

    /// <summary>Points for a satisfaction rate of 100%.</summary>
    public decimal Satisfaction { get; init; } = 40m;

    /// <summary>Points off per overdue case.</summary>
    public decimal OverduePenalty { get; init; } = 2m;

    /// <summary>Points off per statutory breach.</summary>
    public decimal StatutoryBreachPenalty { get; init; } = 5m;

    /// <summary>Points off per confirmed finding.</summary>
    public decimal FindingPenalty { get; init; } = 10m;
}
