using System;
using System.Collections.Generic;
using System.Linq;

namespace ServiceWindow.Workflows.Statistics;

/// <summary>
/// Ranks windows by the weighted score of their figures (月度窗口排名). A rate with nothing counted earns
/// no points rather than full marks: a window that completed nothing has shown nothing to reward.
/// </summary>
public static class WindowRanking
{
    /// <summary>Every candidate with its score, best first; equal scores share a position and are listed by window id.</summary>
    public static IReadOnlyList<RankingEntry> Rank(IEnumerable<RankingCandidate> candidates, RankingWeights weights)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(weights);
        var scored = candidates.Select(c => (c.Window, Lines: Explain(c, weights)))
            .Select(c => (c.Window, c.Lines, Score: Math.Round(c.Lines.Sum(l => l.Points), 2, MidpointRounding.AwayFromZero)))
            .OrderByDescending(c => c.Score).ThenBy(c => c.Window, StringComparer.Ordinal)
            .ToList();
        var entries = new List<RankingEntry>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var position = i > 0 && scored[i].Score == scored[i - 1].Score ? entries[i - 1].Position : i + 1;
            entries.Add(new RankingEntry(position, scored[i].Window, scored[i].Score, scored[i].Lines));
        }
        return entries;
    }

    /// <summary>The windows alone in last place, or sharing it: none when fewer than two windows were ranked.</summary>
    public static IReadOnlyList<string> Last(IReadOnlyList<RankingEntry> ranking)
    {
        ArgumentNullException.ThrowIfNull(ranking);
        if (ranking.Count < 2 || ranking[0].Position == ranking[^1].Position)
        {
            return [];
        }
        var last = ranking[^1].Position;
        return [.. ranking.Where(e => e.Position == last).Select(e => e.Window)];
    }

    /// <summary>The windows last in both months: each gets an interview finding (约谈) for its chief.</summary>
    public static IReadOnlyList<string> LastTwiceInARow(IReadOnlyList<RankingEntry> previous, IReadOnlyList<RankingEntry> current) =>
        [.. Last(current).Intersect(Last(previous), StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static List<RankingLine> Explain(RankingCandidate candidate, RankingWeights weights)
    {
        var f = candidate.Figures;
        return
        [
            RateLine("onTimeRate", f.OnTimeRate, weights.OnTime),
            RateLine("satisfactionRate", f.SatisfactionRate, weights.Satisfaction),
            CountLine("overdue", f.Overdue, weights.OverduePenalty),
            CountLine("statutoryBreaches", f.StatutoryBreaches, weights.StatutoryBreachPenalty),
            CountLine("confirmedFindings", candidate.ConfirmedFindings, weights.FindingPenalty),
        ];
    }

    private static RankingLine RateLine(string term, Rate rate, decimal weight) =>
        new(term, rate.Value, rate.Numerator, rate.Denominator, weight,
            rate.Denominator == 0 ? 0m : weight * rate.Numerator / rate.Denominator);

    private static RankingLine CountLine(string term, long count, decimal penalty) =>
        new(term, count, count, null, penalty, -penalty * count);
}
