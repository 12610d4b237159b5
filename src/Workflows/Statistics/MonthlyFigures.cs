using System.Linq;
using System.Collections.Generic;
using System;
namespace ServiceWindow.Workflows.Statistics;

/// <summary>
/// The counts of one row of the monthly statistics (月度效能统计). Every rate is derived from two of these
/// counts, so a frozen row, an adjustment and a recomputation are compared count by count.
/// </summary>
/// <param name="Accepted">受理: clocks started in the month.</param>
/// <param name="AcceptedImmediate">Of those, immediate items (即办件).</param>
/// <param name="Completed">办结: cases accepted at some time and completed in the month.</param>
/// <param name="CompletedOnTime">Completed in the month by the promised deadline (early ones included).</param>
/// <param name="CompletedEarly">Completed in the month at least one working day before the promised due day.</param>
/// <param name="CompletedLate">Completed in the month after the promised deadline.</param>
/// <param name="OpenPastPromised">Open at month end with the promised deadline passed.</param>
/// <param name="StatutoryBreaches">Completed in the month past the statutory deadline, plus open at month end past it.</param>
/// <param name="TimedCompleted">Completed in the month with a statutory limit in working days (the speed-up base).</param>
/// <param name="WorkingDaysUsed">Working days used on the clock by those cases, summed.</param>
/// <param name="StatutoryWorkingDays">Their statutory limits, summed.</param>
/// <param name="Supplements">Supplement notices sent in the month.</param>
/// <param name="Extensions">Extensions granted in the month.</param>
/// <param name="Referrals">Referrals received in the month.</param>
/// <param name="ReferralsAcknowledgedOnTime">Of those, acknowledged by their limit.</param>
/// <param name="Ratings">Ratings given in the month and not voided.</param>
/// <param name="RatingsSatisfied">Of those, satisfied under the deployment's rule.</param>
/// <param name="BadReviews">Of those, scores 1 and 2.</param>
/// <param name="BadReviewsRectifiedOnTime">Of those, rectified and called back within the limit.</param>
/// <param name="Complaints">Complaints received in the month.</param>
/// <param name="VerifiedComplaints">Complaints found true in the month.</param>
/// <param name="Findings">Findings opened in the month and not dismissed.</param>
/// <param name="BadReviewsCalledBack">Bad reviews given in the month whose rectification was called back by the cut.</param>
/// <param name="AppealsUpheld">Bad reviews given in the month voided on appeal by the cut (not counted as ratings).</param>
public sealed record MonthlyFigures(
    long Accepted,
    long AcceptedImmediate,
    long Completed,
    long CompletedOnTime,
    long CompletedEarly,
    long CompletedLate,
    long OpenPastPromised,
    long StatutoryBreaches,
    long TimedCompleted,
    long WorkingDaysUsed,
    long StatutoryWorkingDays,
    long Supplements,
    long Extensions,
    long Referrals,
    long ReferralsAcknowledgedOnTime,
    long Ratings,
    long RatingsSatisfied,
    long BadReviews,
    long BadReviewsRectifiedOnTime,
    long Complaints,
    long VerifiedComplaints,
    long Findings,
    long BadReviewsCalledBack = 0,
    long AppealsUpheld = 0)
{
    /// <summary>Nothing counted.</summary>
    public static MonthlyFigures Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The names of the counts, in order, as rows, files and adjustments spell them.</summary>
    public static IReadOnlyList<string> CountNames { get; } =
    [
        "accepted", "acceptedImmediate", "completed", "completedOnTime", "completedEarly", "completedLate",
        "openPastPromised", "statutoryBreaches", "timedCompleted", "workingDaysUsed", "statutoryWorkingDays",
        "supplements", "extensions", "referrals", "referralsAcknowledgedOnTime", "ratings", "ratingsSatisfied",
        "badReviews", "badReviewsRectifiedOnTime", "complaints", "verifiedComplaints", "findings", "badReviewsCalledBack",
        "appealsUpheld",
    ];

    /// <summary>超期件: completed late plus open past the promised deadline at month end.</summary>
    public long Overdue => CompletedLate + OpenPastPromised;

    /// <summary>即办件占比.</summary>
    public Rate ImmediateShare => new(AcceptedImmediate, Accepted);

    /// <summary>按时办结率.</summary>
    public Rate OnTimeRate => new(CompletedOnTime, Completed);

    /// <summary>提前办结率.</summary>
    public Rate EarlyRate => new(CompletedEarly, Completed);

    /// <summary>Average working days used, as used / cases.</summary>
    public Rate AverageWorkingDaysUsed => new(WorkingDaysUsed, TimedCompleted);

    /// <summary>
    /// 实际提速 = 1 − average used / average statutory, i.e. (statutory − used) / statutory over the same cases.
    /// </summary>
    public Rate SpeedUp => new(StatutoryWorkingDays - WorkingDaysUsed, StatutoryWorkingDays);

    /// <summary>Referrals acknowledged on time.</summary>
    public Rate ReferralOnTimeRate => new(ReferralsAcknowledgedOnTime, Referrals);

    /// <summary>满意率.</summary>
    public Rate SatisfactionRate => new(RatingsSatisfied, Ratings);

    /// <summary>Bad reviews rectified on time.</summary>
    public Rate RectifiedOnTimeRate => new(BadReviewsRectifiedOnTime, BadReviews);

    /// <summary>Bad reviews called back (回访率; the target is all of them).</summary>
    public Rate CalledBackRate => new(BadReviewsCalledBack, BadReviews);

    /// <summary>The counts in <see cref="CountNames"/> order.</summary>
    public IReadOnlyList<long> Counts =>
    [
        Accepted, AcceptedImmediate, Completed, CompletedOnTime, CompletedEarly, CompletedLate, OpenPastPromised,
        StatutoryBreaches, TimedCompleted, WorkingDaysUsed, StatutoryWorkingDays, Supplements, Extensions, Referrals,
        ReferralsAcknowledgedOnTime, Ratings, RatingsSatisfied, BadReviews, BadReviewsRectifiedOnTime, Complaints,
        VerifiedComplaints, Findings, BadReviewsCalledBack, AppealsUpheld,
    ];

    /// <summary>The figures with these counts, in <see cref="CountNames"/> order.</summary>
    public static MonthlyFigures FromCounts(IReadOnlyList<long> c)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentOutOfRangeException.ThrowIfNotEqual(c.Count, CountNames.Count, nameof(c));
        return new(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12], c[13], c[14],
            c[15], c[16], c[17], c[18], c[19], c[20], c[21], c[22], c[23]);
    }

    /// <summary>The count named <paramref name="name"/> (one of <see cref="CountNames"/>).</summary>
    public long Count(string name)
    {
        var index = IndexOf(name);
        return Counts[index];
    }

    /// <summary>These figures with <paramref name="delta"/> added to the count <paramref name="name"/>.</summary>
    public MonthlyFigures Add(string name, long delta)
    {
        var counts = Counts.ToArray();
        counts[IndexOf(name)] += delta;
        return FromCounts(counts);
    }

    /// <summary>Count by count sum.</summary>
    public MonthlyFigures Plus(MonthlyFigures other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var a = Counts;
        var b = other.Counts;
        var sum = new long[a.Count];
        for (var i = 0; i < sum.Length; i++)
        {
            sum[i] = a[i] + b[i];
        }
        return FromCounts(sum);
    }

    /// <summary>True when <paramref name="name"/> names a count.</summary>
    public static bool IsCountName(string name) => CountNames.Contains(name, StringComparer.Ordinal);

    private static int IndexOf(string name)
    {
        for (var i = 0; i < CountNames.Count; i++)
        {
            if (CountNames[i] == name)
            {
                return i;
            }
        }
        throw new ArgumentException($"'{name}' is not a count of the monthly figures", nameof(name));
    }
}
