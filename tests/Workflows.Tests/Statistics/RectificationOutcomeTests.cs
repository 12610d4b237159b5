using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Statistics;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests.Statistics;

/// Bad reviews of October 2026 at window w2 and the rectification cases opened for them, worked by
/// hand. Each rectification case is promised in 5 working days from its opening.
public sealed class RectificationOutcomeTests
{
    private static readonly StatisticsMonth October = StatisticsMonth.Of(new DateOnly(2026, 10, 1), Calendars.Shanghai);

    private static DateTimeOffset T(string text) => Calendars.Instant(text);

    private static readonly DimensionKeys W2 = new("civil", "w2", "s2", "permit");

    private static CaseFacts Rectification(Guid id, string opened, string promised, string? completed, string? outcome) =>
        new(id, 5, new("civil", "w2", "s2", "bad-review-rectification"), ItemKind.Promised, T(opened),
            completed is null ? null : T(completed), outcome, T(promised), T(promised), false, null, 5, [], []);

    private static MonthlyFigures Total(DateTimeOffset cut)
    {
        Guid onTime = Guid.NewGuid(), late = Guid.NewGuid(), voided = Guid.NewGuid(), open = Guid.NewGuid(), afterCut = Guid.NewGuid();
        var activity = new MonthlyActivity(
            [
                // Opened 10-09, promised 10-16; called back 10-14: on time.
                Rectification(onTime, "2026-10-09T10:00:00+08:00", "2026-10-16T17:30:00+08:00", "2026-10-14T10:00:00+08:00", "rectified"),
                // Opened 10-12, promised 10-19; called back 10-21: called back, but late.
                Rectification(late, "2026-10-12T10:00:00+08:00", "2026-10-19T17:30:00+08:00", "2026-10-21T10:00:00+08:00", "rectified"),
                // Appeal upheld 10-15: the review is void.
                Rectification(voided, "2026-10-13T10:00:00+08:00", "2026-10-20T17:30:00+08:00", "2026-10-15T10:00:00+08:00", "voided"),
                // Still being verified at month end.
                Rectification(open, "2026-10-28T10:00:00+08:00", "2026-11-04T17:30:00+08:00", null, null),
                // Called back 10-30 15:00, on time, but after the cut of the middle test.
                Rectification(afterCut, "2026-10-27T10:00:00+08:00", "2026-11-03T17:30:00+08:00", "2026-10-30T15:00:00+08:00", "rectified"),
            ],
            [
                new RatingFact(W2, 1, T("2026-10-08T11:00:00+08:00"), onTime),
                new RatingFact(W2, 2, T("2026-10-09T11:00:00+08:00"), late),
                new RatingFact(W2, 1, T("2026-10-12T11:00:00+08:00"), voided),
                new RatingFact(W2, 2, T("2026-10-27T11:00:00+08:00"), open),
                new RatingFact(W2, 2, T("2026-10-26T11:00:00+08:00"), afterCut),
                // A bad review nobody opened a rectification for, and a good rating.
                new RatingFact(W2, 2, T("2026-10-29T11:00:00+08:00")),
                new RatingFact(W2, 5, T("2026-10-29T12:00:00+08:00")),
            ],
            [], [], []);
        return MonthlyFiguresCalculator.Compute(October, cut, StatisticsDimension.Total, activity, SatisfactionRule.ThreeToFive)[0].Figures;
    }

    [Theory]
    [InlineData("ratings", 6, "seven given, the voided one leaves")]
    [InlineData("badReviews", 5, "six bad reviews less the voided one")]
    [InlineData("badReviewsCalledBack", 3, "on time, late and the 10-30 one")]
    [InlineData("badReviewsRectifiedOnTime", 2, "the 10-14 and the 10-30 call-backs")]
    [InlineData("appealsUpheld", 1, "the 10-12 review")]
    [InlineData("ratingsSatisfied", 1, "the 5")]
    public void Compute_CountsEachBadReviewByItsRectification_WhenTheMonthIsClosed(string count, long expected, string why)
    {
        var figures = Total(October.End);

        Assert.True(expected == figures.Count(count), $"{count}: {why}, got {figures.Count(count)}");
    }

    [Fact]
    public void Compute_LeavesOutACallBackAfterTheCut_WhenTheMonthIsUnderWay()
    {
        var figures = Total(T("2026-10-30T12:00:00+08:00"));

        Assert.Equal((2L, 1L, 5L), (figures.BadReviewsCalledBack, figures.BadReviewsRectifiedOnTime, figures.BadReviews));
        Assert.Equal(new Rate(1, 5), figures.RectifiedOnTimeRate);
        Assert.Equal(new Rate(2, 5), figures.CalledBackRate);
    }
}
