using System.Linq;
using System.Collections.Generic;
using System;
namespace ServiceWindow.Workflows.Statistics;

/// <summary>
/// The arithmetic of the monthly statistics (rules.md, 月度效能统计): what counts in which month and row.
/// The live figures, the frozen figures of a closed month and their verification all come from here.
/// </summary>
public static class MonthlyFiguresCalculator
{
    /// <summary>
    /// The rows of <paramref name="month"/> by <paramref name="dimension"/>, ordered by key; one row for
    /// <see cref="StatisticsDimension.Total"/>. "Open at month end" is judged at <paramref name="cut"/>, the
    /// month's end for a closed month, now for the month under way.
    /// </summary>
    public static IReadOnlyList<FigureRow> Compute(
        StatisticsMonth month, DateTimeOffset cut, StatisticsDimension dimension, MonthlyActivity activity, SatisfactionRule rule)
    {
        ArgumentNullException.ThrowIfNull(month);
        ArgumentNullException.ThrowIfNull(activity);
        if (cut > month.End)
        {
            cut = month.End;
        }
        var rows = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        long[] Row(DimensionKeys keys)
        {
            var key = keys.KeyIn(dimension);
            if (!rows.TryGetValue(key, out var counts))
            {
                rows[key] = counts = new long[MonthlyFigures.CountNames.Count];
            }
            return counts;
        }

        foreach (var c in activity.Cases)
        {
            AddCase(Row(c.Keys), c, month, cut);
        }
        var minimum = rule == SatisfactionRule.FourToFive ? 4 : 3;
        var rectifications = activity.Cases.DistinctBy(c => c.CaseId).ToDictionary(c => c.CaseId);
        foreach (var r in activity.Ratings.Where(r => month.Contains(r.RatedAt)))
        {
            var row = Row(r.Keys);
            var rectification = r.IsBadReview && r.RectificationCase is { } id ? rectifications.GetValueOrDefault(id) : null;
            // An upheld appeal voids the review: it leaves the ratings and is counted as what it was.
            if (RectificationOutcome.Reached(rectification, RectificationOutcome.Voided, cut))
            {
                row[Index.AppealsUpheld]++;
                continue;
            }
            row[Index.Ratings]++;
            row[Index.RatingsSatisfied] += r.Score >= minimum ? 1 : 0;
            row[Index.BadReviews] += r.IsBadReview ? 1 : 0;
            row[Index.BadReviewsCalledBack] += RectificationOutcome.Reached(rectification, RectificationOutcome.Rectified, cut) ? 1 : 0;
            row[Index.BadReviewsRectifiedOnTime] += RectificationOutcome.OnTime(rectification, cut) ? 1 : 0;
        }
        foreach (var complaint in activity.Complaints)
        {
            var received = month.Contains(complaint.ReceivedAt);
            var verified = complaint.VerifiedAt is { } at && month.Contains(at);
            if (received || verified)
            {
                var row = Row(complaint.Keys);
                row[Index.Complaints] += received ? 1 : 0;
                row[Index.VerifiedComplaints] += verified ? 1 : 0;
            }
        }
        foreach (var f in activity.Findings.Where(f => !f.Dismissed && month.Contains(f.OpenedAt)))
        {
            Row(f.Keys)[Index.Findings]++;
        }
        foreach (var referral in activity.Referrals.Where(r => month.Contains(r.ReferredAt)))
        {
            var row = Row(referral.Keys);
            row[Index.Referrals]++;
            row[Index.ReferralsAcknowledgedOnTime] += referral.AcknowledgedOnTime ? 1 : 0;
        }

        if (dimension == StatisticsDimension.Total && rows.Count == 0)
        {
            return [new FigureRow(dimension, "", MonthlyFigures.Zero)];
        }
        return [.. rows
            .Select(r => new FigureRow(dimension, r.Key, MonthlyFigures.FromCounts(r.Value)))
            .Where(r => dimension == StatisticsDimension.Total || r.Figures != MonthlyFigures.Zero)];
    }

    private static void AddCase(long[] row, CaseFacts c, StatisticsMonth month, DateTimeOffset cut)
    {
        if (c.AcceptedAt is not { } accepted)
        {
            return;
        }
        if (month.Contains(accepted))
        {
            row[Index.Accepted]++;
            row[Index.AcceptedImmediate] += c.Kind == Definitions.ItemKind.Immediate ? 1 : 0;
        }
        if (c.CompletedAt is { } completed && month.Contains(completed))
        {
            row[Index.Completed]++;
            row[Index.CompletedOnTime] += c.CompletedLate ? 0 : 1;
            row[Index.CompletedEarly] += c.CompletedEarly ? 1 : 0;
            row[Index.CompletedLate] += c.CompletedLate ? 1 : 0;
            row[Index.StatutoryBreaches] += c.CompletedPastStatutory ? 1 : 0;
            if (c.StatutoryWorkingDays is { } limit && c.WorkingDaysUsed is { } used)
            {
                row[Index.TimedCompleted]++;
                row[Index.WorkingDaysUsed] += used;
                row[Index.StatutoryWorkingDays] += limit;
            }
        }
        var openAtCut = accepted < cut && (c.CompletedAt is not { } done || done >= cut);
        if (openAtCut)
        {
            row[Index.OpenPastPromised] += c.PromisedDue is { } promised && promised < cut ? 1 : 0;
            row[Index.StatutoryBreaches] += c.StatutoryDue is { } statutory && statutory < cut ? 1 : 0;
        }
        row[Index.Supplements] += c.Supplements.Count(month.Contains);
        row[Index.Extensions] += c.Extensions.Count(month.Contains);
    }

    // Positions in MonthlyFigures.CountNames.
    private static class Index
    {
        public const int Accepted = 0, AcceptedImmediate = 1, Completed = 2, CompletedOnTime = 3, CompletedEarly = 4,
            CompletedLate = 5, OpenPastPromised = 6, StatutoryBreaches = 7, TimedCompleted = 8, WorkingDaysUsed = 9,
            StatutoryWorkingDays = 10, Supplements = 11, Extensions = 12, Referrals = 13, ReferralsAcknowledgedOnTime = 14,
            Ratings = 15, RatingsSatisfied = 16, BadReviews = 17, BadReviewsRectifiedOnTime = 18, Complaints = 19,
            VerifiedComplaints = 20, Findings = 21, BadReviewsCalledBack = 22, AppealsUpheld = 23;
    }
}
