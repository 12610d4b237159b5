using System.Collections.Generic;
namespace ServiceWindow.Workflows.Statistics;

/// <summary>Everything the figures of a month are computed from.</summary>
/// <param name="Cases">Facts of every case that was open at some time in the month.</param>
/// <param name="Ratings">Ratings not voided.</param>
/// <param name="Complaints">Complaints.</param>
/// <param name="Findings">Findings.</param>
/// <param name="Referrals">Referrals.</param>
public sealed record MonthlyActivity(
    IReadOnlyList<CaseFacts> Cases,
    IReadOnlyList<RatingFact> Ratings,
    IReadOnlyList<ComplaintFact> Complaints,
    IReadOnlyList<FindingFact> Findings,
    IReadOnlyList<ReferralFact> Referrals)
{
    /// <summary>Only cases, nothing else.</summary>
    public static MonthlyActivity OfCases(IReadOnlyList<CaseFacts> cases) => new(cases, [], [], [], []);
}
