using System;
using System.Collections.Generic;
using System.Linq;

namespace ServiceWindow.Workflows.Statistics;

/// <summary>
/// Chooses a quarter's red-flag windows (红旗窗口) or service stars (服务标兵) from the quarter's summed
/// figures, by the same weighted score as the monthly ranking. A candidate with a confirmed finding in the
/// quarter is not eligible, whatever its score: the rule bars it, the score does not merely lower it.
/// </summary>
public static class QuarterlyHonours
{
    /// <summary>The first <paramref name="places"/> eligible candidates, best first, with their explained scores.</summary>
    public static IReadOnlyList<RankingEntry> Choose(IEnumerable<RankingCandidate> quarter, RankingWeights weights, int places)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        ArgumentOutOfRangeException.ThrowIfNegative(places);
        var eligible = quarter.Where(IsEligible).ToList();
        return [.. WindowRanking.Rank(eligible, weights).Where(e => e.Position <= places)];
    }

    /// <summary>The candidates the rule bars, by key, so a report can say who was passed over and why.</summary>
    public static IReadOnlyList<BarredCandidate> Barred(IEnumerable<RankingCandidate> quarter)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        return [.. quarter.Where(c => !IsEligible(c)).OrderBy(c => c.Window, StringComparer.Ordinal)
            .Select(c => new BarredCandidate(c.Window, c.ConfirmedFindings))];
    }

    /// <summary>Sums a candidate's three months into one quarter row.</summary>
    public static RankingCandidate Sum(string key, IEnumerable<RankingCandidate> months)
    {
        ArgumentNullException.ThrowIfNull(months);
        var list = months.ToList();
        return new RankingCandidate(key, list.Aggregate(MonthlyFigures.Zero, (sum, m) => sum.Plus(m.Figures)), list.Sum(m => m.ConfirmedFindings));
    }

    private static bool IsEligible(RankingCandidate candidate) => candidate.ConfirmedFindings == 0;
}
