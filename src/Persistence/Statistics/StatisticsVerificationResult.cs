namespace ServiceWindow.Persistence.Statistics;

/// What recomputing a month found: every difference from the frozen figures; none when intact.
public sealed record StatisticsVerificationResult(DateOnly Month, bool Closed, int CasesRecomputed, IReadOnlyList<FigureDifference> Differences)
{
    public bool Intact => Closed && Differences.Count == 0;
}
