using System.Collections.Generic;

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

    /// <summary>
    /// What is wrong with these weights, by property name; empty when they can rank. A negative weight
    /// would reward what it should penalise, and with both rate weights at zero every window would tie.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        void NotNegative(string name, decimal value)
        {
            if (value < 0)
            {
                problems.Add($"{name} must not be negative (is {value})");
            }
        }
        NotNegative(nameof(OnTime), OnTime);
        NotNegative(nameof(Satisfaction), Satisfaction);
        NotNegative(nameof(OverduePenalty), OverduePenalty);
        NotNegative(nameof(StatutoryBreachPenalty), StatutoryBreachPenalty);
        NotNegative(nameof(FindingPenalty), FindingPenalty);
        if (OnTime == 0 && Satisfaction == 0)
        {
            problems.Add($"{nameof(OnTime)} and {nameof(Satisfaction)} must not both be zero");
        }
        return problems;
    }
}
