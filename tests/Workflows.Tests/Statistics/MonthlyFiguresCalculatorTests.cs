using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Statistics;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests.Statistics;

/// October 2026 in Shanghai, worked by hand: the National Day holiday 10-01..10-07, the Saturday 10-10
/// worked in exchange, 10-31 a Saturday. Six cases, four ratings, two complaints, two findings, two referrals.
public sealed class MonthlyFiguresCalculatorTests
{
    private static readonly StatisticsMonth October = StatisticsMonth.Of(new DateOnly(2026, 10, 1), Calendars.Shanghai);

    private static DateTimeOffset T(string text) => Calendars.Instant(text);

    private static DimensionKeys Keys(string window, string staff) => new("civil", window, staff, "permit");

    private static CaseFacts Case(
        string window, string staff, ItemKind kind, string accepted, string? completed, string promised, string statutory,
        bool early = false, int? used = null, int? statutoryDays = 10, string[]? supplements = null, string[]? extensions = null) =>
        new(Guid.NewGuid(), 3, Keys(window, staff), kind, T(accepted), completed is null ? null : T(completed), completed is null ? null : "approved",
            T(promised), T(statutory), early, used, kind == ItemKind.Immediate ? null : statutoryDays,
            [.. (supplements ?? []).Select(T)], [.. (extensions ?? []).Select(T)]);

    private static readonly MonthlyActivity Month = new(
        [
            // A: immediate, done in the same visit; 0 working days before the due day, so on time, not early.
            Case("w1", "s1", ItemKind.Immediate, "2026-10-08T09:30:00+08:00", "2026-10-08T09:50:00+08:00",
                "2026-10-08T17:30:00+08:00", "2026-10-08T17:30:00+08:00"),
            // B: done on 10-13, a working day before the 10-14 due day: early; 4 of 10 statutory days used.
            Case("w1", "s1", ItemKind.Promised, "2026-10-08T10:00:00+08:00", "2026-10-13T10:00:00+08:00",
                "2026-10-14T17:30:00+08:00", "2026-10-21T17:30:00+08:00", early: true, used: 4, supplements: ["2026-10-09T10:00:00+08:00"]),
            // C: accepted in September, done 10-20 after both deadlines: late and a statutory breach; 12 days used.
            Case("w2", "s2", ItemKind.Promised, "2026-09-29T10:00:00+08:00", "2026-10-20T10:00:00+08:00",
                "2026-10-12T17:30:00+08:00", "2026-10-19T17:30:00+08:00", used: 12, extensions: ["2026-10-10T10:00:00+08:00"]),
            // D: open at month end, promised 10-30 passed: overdue; statutory 11-06 not yet.
            Case("w2", "s3", ItemKind.Promised, "2026-10-26T10:00:00+08:00", null,
                "2026-10-30T17:30:00+08:00", "2026-11-06T17:30:00+08:00",
                supplements: ["2026-09-30T10:00:00+08:00", "2026-10-27T10:00:00+08:00"]),
            // E: open at month end, promised in November: not overdue.
            Case("w2", "s3", ItemKind.Promised, "2026-10-29T10:00:00+08:00", null,
                "2026-11-05T17:30:00+08:00", "2026-11-12T17:30:00+08:00"),
            // F: all in September: nothing in October.
            Case("w2", "s2", ItemKind.Promised, "2026-09-01T10:00:00+08:00", "2026-09-10T10:00:00+08:00",
                "2026-09-08T17:30:00+08:00", "2026-09-15T17:30:00+08:00", used: 7),
        ],
        [
            new RatingFact(Keys("w1", "s1"), 5, T("2026-10-08T10:00:00+08:00")),
            new RatingFact(Keys("w1", "s1"), 3, T("2026-10-13T11:00:00+08:00")),
            new RatingFact(Keys("w2", "s2"), 2, T("2026-10-20T11:00:00+08:00")),
            new RatingFact(Keys("w2", "s2"), 4, T("2026-11-02T11:00:00+08:00")),
        ],
        [
            new ComplaintFact(Keys("w2", "s2"), T("2026-10-15T10:00:00+08:00"), T("2026-11-02T10:00:00+08:00")),
            new ComplaintFact(Keys("w2", "s2"), T("2026-09-20T10:00:00+08:00"), T("2026-10-05T10:00:00+08:00")),
        ],
        [
            new FindingFact(Keys("w2", "s2"), T("2026-10-20T10:00:00+08:00"), Dismissed: false),
            new FindingFact(Keys("w2", "s2"), T("2026-10-21T10:00:00+08:00"), Dismissed: true),
        ],
        [
            new ReferralFact(Keys("w1", "s1"), T("2026-10-12T10:00:00+08:00"), T("2026-10-12T12:00:00+08:00"), T("2026-10-12T11:00:00+08:00")),
            new ReferralFact(Keys("w1", "s1"), T("2026-10-12T14:00:00+08:00"), T("2026-10-12T16:00:00+08:00"), T("2026-10-12T17:00:00+08:00")),
        ]);

    private static MonthlyFigures Total(MonthlyActivity activity, DateTimeOffset? cut = null, SatisfactionRule rule = SatisfactionRule.ThreeToFive) =>
        Assert.Single(MonthlyFiguresCalculator.Compute(October, cut ?? October.End, StatisticsDimension.Total, activity, rule)).Figures;

    [Theory]
    [InlineData("accepted", 4, "A, B, D, E; C and F were accepted in September")]
    [InlineData("acceptedImmediate", 1, "A")]
    [InlineData("completed", 3, "A, B, C; F finished in September")]
    [InlineData("completedOnTime", 2, "A and B")]
    [InlineData("completedEarly", 1, "B")]
    [InlineData("completedLate", 1, "C")]
    [InlineData("openPastPromised", 1, "D; E is due in November")]
    [InlineData("statutoryBreaches", 1, "C")]
    [InlineData("timedCompleted", 2, "B and C; A has no working-day statutory limit")]
    [InlineData("workingDaysUsed", 16, "4 + 12")]
    [InlineData("statutoryWorkingDays", 20, "10 + 10")]
    [InlineData("supplements", 2, "B's on 10-09 and D's on 10-27; D's of 09-30 is September's")]
    [InlineData("extensions", 1, "C's")]
    [InlineData("referrals", 2, "both")]
    [InlineData("referralsAcknowledgedOnTime", 1, "the first; the second came an hour late")]
    [InlineData("ratings", 3, "the November one is not October's")]
    [InlineData("ratingsSatisfied", 2, "5 and 3")]
    [InlineData("badReviews", 1, "the 2")]
    [InlineData("badReviewsRectifiedOnTime", 0, "no rectification case is linked to it")]
    [InlineData("complaints", 1, "received 10-15")]
    [InlineData("verifiedComplaints", 1, "the September complaint verified 10-05")]
    [InlineData("findings", 1, "the dismissed one does not count")]
    public void Compute_CountsEachFigure_WhenMonthIsOctober2026(string count, long expected, string why)
    {
        Assert.True(expected == Total(Month).Count(count), $"{count}: {why}");
    }

    [Fact]
    public void Compute_DerivesRatesFromTheirCounts_WhenMonthIsOctober2026()
    {
        var total = Total(Month);

        Assert.Equal(2, total.Overdue);
        Assert.Equal((new Rate(1, 4), 0.25m), (total.ImmediateShare, total.ImmediateShare.Value));
        Assert.Equal((new Rate(2, 3), 0.6667m), (total.OnTimeRate, total.OnTimeRate.Value));
        Assert.Equal((new Rate(1, 3), 0.3333m), (total.EarlyRate, total.EarlyRate.Value));
        Assert.Equal(8m, total.AverageWorkingDaysUsed.Value);
        // 1 − 8 / 10 average statutory days.
        Assert.Equal((new Rate(4, 20), 0.2m), (total.SpeedUp, total.SpeedUp.Value));
        Assert.Equal(0.5m, total.ReferralOnTimeRate.Value);
        Assert.Equal(0.6667m, total.SatisfactionRate.Value);
        Assert.Equal(0m, total.RectifiedOnTimeRate.Value);
    }

    [Fact]
    public void Compute_CountsOnlyFourAndFive_WhenDeploymentSaysSo()
    {
        var total = Total(Month, rule: SatisfactionRule.FourToFive);

        Assert.Equal(new Rate(1, 3), total.SatisfactionRate);
    }

    [Fact]
    public void Compute_SplitsByWindow_WhenGroupedByWindow()
    {
        var rows = MonthlyFiguresCalculator.Compute(October, October.End, StatisticsDimension.Window, Month, SatisfactionRule.ThreeToFive);

        Assert.Equal(["w1", "w2"], rows.Select(r => r.Key));
        var (w1, w2) = (rows[0].Figures, rows[1].Figures);
        Assert.Equal((2L, 1L, 2L, 2L, 1L, 0L), (w1.Accepted, w1.AcceptedImmediate, w1.Completed, w1.CompletedOnTime, w1.CompletedEarly, w1.Overdue));
        Assert.Equal((2L, 1L, 2L, 2L, 0L), (w1.Referrals, w1.ReferralsAcknowledgedOnTime, w1.Ratings, w1.RatingsSatisfied, w1.BadReviews));
        Assert.Equal((2L, 0L, 1L, 0L, 2L, 1L), (w2.Accepted, w2.AcceptedImmediate, w2.Completed, w2.CompletedOnTime, w2.Overdue, w2.StatutoryBreaches));
        // C used 12 of its 10 statutory days: slower than the law, −20%.
        Assert.Equal(-0.2m, w2.SpeedUp.Value);
        Assert.Equal((1L, 1L, 1L, 1L, 1L), (w2.Supplements, w2.Extensions, w2.Complaints, w2.VerifiedComplaints, w2.Findings));
        Assert.Equal(Total(Month), w1.Plus(w2));
    }

    [Fact]
    public void Compute_SplitsByStaff_WhenGroupedByStaff()
    {
        var rows = MonthlyFiguresCalculator.Compute(October, October.End, StatisticsDimension.Staff, Month, SatisfactionRule.ThreeToFive);

        Assert.Equal(["s1", "s2", "s3"], rows.Select(r => r.Key));
        Assert.Equal((2L, 0L, 2L), (rows[0].Figures.Accepted, rows[1].Figures.Accepted, rows[2].Figures.Accepted));
        Assert.Equal((0L, 1L, 1L), (rows[0].Figures.Overdue, rows[1].Figures.Overdue, rows[2].Figures.Overdue));
    }

    [Theory]
    [InlineData("before D's promised deadline passed", "2026-10-28T12:00:00+08:00", 0)]
    [InlineData("after it passed", "2026-10-30T17:31:00+08:00", 1)]
    [InlineData("a cut past month end is the month end", "2026-11-20T12:00:00+08:00", 1)]
    public void Compute_JudgesOpenCasesAtTheCut_WhenMonthIsUnderWay(string edge, string cut, long openPastPromised)
    {
        Assert.True(openPastPromised == Total(Month, T(cut)).OpenPastPromised, edge);
    }

    [Theory]
    [InlineData("23:30 on 10-31 in Shanghai is October", "2026-10-31T23:30:00+08:00", 1)]
    [InlineData("00:30 on 11-01 in Shanghai is November, though still October 31 in UTC", "2026-10-31T16:30:00Z", 0)]
    [InlineData("00:30 on 10-01 in Shanghai is October, though still September in UTC", "2026-09-30T16:30:00Z", 1)]
    public void Compute_CutsTheMonthInOfficeTime_WhenCaseCompletesNearMidnight(string edge, string completed, long count)
    {
        var facts = Case("w1", "s1", ItemKind.Promised, "2026-09-28T10:00:00+08:00", completed,
            "2026-12-01T17:30:00+08:00", "2026-12-01T17:30:00+08:00", used: 3);

        Assert.True(count == Total(MonthlyActivity.OfCases([facts])).Completed, edge);
    }

    [Fact]
    public void Compute_GivesAZeroTotalAndNoRows_WhenMonthIsEmpty()
    {
        var empty = MonthlyActivity.OfCases([]);

        Assert.Equal(MonthlyFigures.Zero, Total(empty));
        Assert.Null(Total(empty).OnTimeRate.Value);
        Assert.Empty(MonthlyFiguresCalculator.Compute(October, October.End, StatisticsDimension.Window, empty, SatisfactionRule.ThreeToFive));
    }
}
