using ServiceWindow.Persistence.Months;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Tests.Statistics;

[Collection(StoreDatabaseCollection.Name)]
public sealed class MonthlyStatisticsTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private static readonly DateOnly October = new(2026, 10, 1);

    private readonly OctoberOffice office = new(database.DataSource);

    private MonthlyStatistics Statistics => new(database.DataSource, StatisticsCatalog.Instance, office.Clock);

    private async Task RunOctoberAndProjectAsync()
    {
        await office.SetUpOrganisationAsync();
        await office.RunOctoberAsync();
        await new StatisticsProjector(database.DataSource, StatisticsCatalog.Instance, office.Clock).RunAsync();
    }

    [Theory]
    [InlineData("accepted", 5, "A, B, D, E and the complaint case; C was accepted in September, the inquiry never")]
    [InlineData("acceptedImmediate", 1, "A")]
    [InlineData("completed", 3, "A, B, C")]
    [InlineData("completedOnTime", 2, "A, B")]
    [InlineData("completedEarly", 1, "B, a working day ahead")]
    [InlineData("completedLate", 1, "C")]
    [InlineData("openPastPromised", 1, "D, due 10-29; E waits for materials, due in November")]
    [InlineData("statutoryBreaches", 1, "C")]
    [InlineData("timedCompleted", 2, "B and C; A has no working-day statutory limit")]
    [InlineData("workingDaysUsed", 17, "4 + 13")]
    [InlineData("statutoryWorkingDays", 20, "10 + 10")]
    [InlineData("supplements", 1, "E's")]
    [InlineData("extensions", 1, "C's")]
    [InlineData("referrals", 1, "the inquiry's, to w1")]
    [InlineData("referralsAcknowledgedOnTime", 1, "within the hour")]
    [InlineData("ratings", 3, "the voided one is out")]
    [InlineData("ratingsSatisfied", 2, "5 and 3")]
    [InlineData("badReviews", 1, "the 2")]
    [InlineData("complaints", 1, "the complaint case about C")]
    [InlineData("verifiedComplaints", 1, "verified 10-26")]
    [InlineData("findings", 2, "on C, and the misconduct finding of the verified complaint")]
    public async Task GetAsync_CountsTheLiveMonthFromFacts_WhenOctoberIsUnderWay(string count, long expected, string why)
    {
        await RunOctoberAndProjectAsync();
        office.Clock.SetUtcNow(OctoberOffice.At(10, 31, 20));

        var report = await Statistics.GetAsync(October, StatisticsDimension.Total);

        Assert.False(report.Closed);
        Assert.True(expected == report.Total.Figures.Count(count), $"{count}: {why}");
    }

    [Fact]
    public async Task GetAsync_SplitsByWindowWithRates_WhenOctoberIsUnderWay()
    {
        await RunOctoberAndProjectAsync();
        office.Clock.SetUtcNow(OctoberOffice.At(10, 31, 20));

        var report = await Statistics.GetAsync(October, StatisticsDimension.Window);

        Assert.Equal(["w1", "w2"], report.Rows.Select(r => r.Key));
        var (w1, w2) = (report.Rows[0], report.Rows[1]);
        Assert.Equal(("一号窗口", "Window 1"), (w1.NameZh, w1.NameEn));
        Assert.Equal((2L, 2L, 2L, 1L, 0L), (w1.Figures.Accepted, w1.Figures.Completed, w1.Figures.CompletedOnTime, w1.Figures.CompletedEarly, w1.Figures.Overdue));
        Assert.Equal((1m, 0.5m, 1m), (w1.Figures.OnTimeRate.Value, w1.Figures.EarlyRate.Value, w1.Figures.SatisfactionRate.Value));
        // D, E and the complaint case were accepted at w2 in October (C in September).
        Assert.Equal((3L, 1L, 0L, 2L, 1L), (w2.Figures.Accepted, w2.Figures.Completed, w2.Figures.CompletedOnTime, w2.Figures.Overdue, w2.Figures.StatutoryBreaches));
        // C used 13 of 10 statutory days: −30%.
        Assert.Equal((new Rate(-3, 10), -0.3m), (w2.Figures.SpeedUp, w2.Figures.SpeedUp.Value));
        // Findings at w2: the one on C and the misconduct finding the verification opened on the complaint case.
        Assert.Equal((0m, 1L, 2L), (w2.Figures.SatisfactionRate.Value, w2.Figures.VerifiedComplaints, w2.Figures.Findings));
        // Speed-up of the office: 1 − 8.5 / 10.
        Assert.Equal((8.5m, 0.15m), (report.Total.Figures.AverageWorkingDaysUsed.Value, report.Total.Figures.SpeedUp.Value));
    }

    [Fact]
    public async Task GetAsync_JudgesOpenCasesNow_WhenMonthIsUnderWay()
    {
        await RunOctoberAndProjectAsync();
        // D's promised deadline is 10-29 at office close.
        office.Clock.SetUtcNow(OctoberOffice.At(10, 29, 17));

        var report = await Statistics.GetAsync(October, StatisticsDimension.Total);

        Assert.Equal(0, report.Total.Figures.OpenPastPromised);
    }

    [Fact]
    public async Task AdjustAsync_ShowsTheCorrectionBesideTheFrozenFigure_WhenMonthIsClosed()
    {
        await RunOctoberAndProjectAsync();
        office.Clock.SetUtcNow(OctoberOffice.At(11, 1, 1));
        await new MonthlyClose(database.DataSource, StatisticsCatalog.Instance, office.Clock).CloseAsync(October);
        office.Clock.SetUtcNow(OctoberOffice.At(11, 5, 10));

        var adjustment = await Statistics.AdjustAsync(October, StatisticsDimension.Window, "w2", "completedLate", -1,
            "the applicant did not return on time for their own reasons", "eff-1");
        var report = await Statistics.GetAsync(October, StatisticsDimension.Window);

        var w2 = report.Rows.Single(r => r.Key == "w2");
        Assert.True(report.Closed);
        Assert.Equal((1L, 0L), (w2.Figures.CompletedLate, w2.Adjusted.CompletedLate));
        Assert.Equal(adjustment with { MadeAt = w2.Adjustments[0].MadeAt }, Assert.Single(w2.Adjustments));
        Assert.Equal(OctoberOffice.At(11, 5, 10), w2.Adjustments[0].MadeAt);
        Assert.Equal(("eff-1", -1L), (w2.Adjustments[0].AuthorId, w2.Adjustments[0].Delta));
        Assert.Equal(w2.Figures, w2.Adjusted.Add("completedLate", 1));
        Assert.Empty(report.Rows.Single(r => r.Key == "w1").Adjustments);
    }

    [Fact]
    public async Task AdjustAsync_Refuses_WhenMonthIsNotClosed()
    {
        await RunOctoberAndProjectAsync();

        await Assert.ThrowsAsync<MonthNotClosedException>(() =>
            Statistics.AdjustAsync(October, StatisticsDimension.Total, "", "completed", 1, "late entry", "eff-1"));
    }
}
