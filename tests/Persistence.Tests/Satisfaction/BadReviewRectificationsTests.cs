using Dapper;
using ServiceWindow.Persistence.Months;
using ServiceWindow.Persistence.Satisfaction;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Persistence.Tests.Statistics;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Tests.Satisfaction;

/// Bad reviews of October 2026 at w1 and their rectification cases, each promised in 5 working days
/// from its opening (the shipped definition):
/// - X: rated 2 on Thu 10-15 11:00, opened 12:00, promised Thu 10-22 (10-16, 10-19..10-22); called back Tue 10-20: on time.
/// - Y: rated 1 on Fri 10-16 11:00, opened 12:00, promised Fri 10-23 (10-19..10-23); called back Mon 10-26: late.
/// - Z: rated 2 on Mon 10-19 11:00, opened 12:00; the chief appeals and the office voids it on Tue 10-20.
/// - G: rated 4 on Mon 10-19, no rectification.
[Collection(StoreDatabaseCollection.Name)]
public sealed class BadReviewRectificationsTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private static readonly DateOnly October = new(2026, 10, 1);

    private readonly SatisfactionOffice office = new(database.DataSource);

    private async Task<Guid> RateCaseAsync(int day, int score)
    {
        var id = await office.CompleteCounterCaseAsync(OctoberOffice.At(10, day, 10), $"R-{day}");
        var rating = await office.RateAsync(id, score, OctoberOffice.At(10, day, 11));
        office.Clock.SetUtcNow(OctoberOffice.At(10, day, 12));
        await office.Rectifications.RunAsync();
        return BadReviewRectifications.CaseIdFor(rating);
    }

    private async Task RunOctoberAsync()
    {
        await office.SetUpAsync();
        var x = await RateCaseAsync(15, 2);
        var y = await RateCaseAsync(16, 1);
        var z = await RateCaseAsync(19, 2);
        await office.CompleteCounterCaseAsync(OctoberOffice.At(10, 19, 14), "R-G");
        await office.RateAsync((await LastCaseAsync()), 4, OctoberOffice.At(10, 19, 15));

        await office.DoAsync(OctoberOffice.At(10, 19, 16), x, "confirm", SatisfactionOffice.Chief1, ("finding", "属实"));
        await office.DoAsync(OctoberOffice.At(10, 19, 16, 10), y, "confirm", SatisfactionOffice.Chief1, ("finding", "属实"));
        await office.DoAsync(OctoberOffice.At(10, 19, 16, 20), z, "appeal", SatisfactionOffice.Chief1, ("reason", "当日未到窗口"));
        await office.DoAsync(OctoberOffice.At(10, 20, 9), x, "rectified", SatisfactionOffice.Chief1, ("measures", "培训"));
        await office.DoAsync(OctoberOffice.At(10, 20, 10), x, "called_back", SatisfactionOffice.Chief1, ("callback_result", "满意"));
        await office.DoAsync(OctoberOffice.At(10, 20, 11), z, "void_review", SatisfactionOffice.Officer, ("reason", "申诉成立"));
        await office.DoAsync(OctoberOffice.At(10, 26, 9), y, "rectified", SatisfactionOffice.Chief1, ("measures", "培训"));
        await office.DoAsync(OctoberOffice.At(10, 26, 10), y, "called_back", SatisfactionOffice.Chief1, ("callback_result", "满意"));
    }

    private async Task<Guid> LastCaseAsync()
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<Guid>("select id from cases where receipt_number = 'R-G'");
    }

    [Fact]
    public async Task RunAsync_OpensOneRectificationPerBadReview_WhenSweptAgainAndTogether()
    {
        await office.SetUpAsync();
        var id = await office.CompleteCounterCaseAsync(OctoberOffice.At(10, 15, 10), "R-1");
        var rating = await office.RateAsync(id, 2, OctoberOffice.At(10, 15, 11));
        var good = await office.CompleteCounterCaseAsync(OctoberOffice.At(10, 15, 12), "R-2");
        await office.RateAsync(good, 3, OctoberOffice.At(10, 15, 13));

        office.Clock.SetUtcNow(OctoberOffice.At(10, 15, 14));
        var opened = await Task.WhenAll(office.Rectifications.RunAsync(), office.Rectifications.RunAsync());
        var again = await office.Rectifications.RunAsync();

        Assert.Equal(0, again);
        Assert.InRange(opened.Sum(), 1, 2);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var cases = (await connection.QueryAsync<(Guid, string, string?)>(
            "select id, stage, handler_id from cases where definition_id = 'bad-review-rectification'")).ToList();
        Assert.Equal([(BadReviewRectifications.CaseIdFor(rating), "verifying", "clerk-1")], cases);
        Assert.Equal([(rating, BadReviewRectifications.CaseIdFor(rating))],
            await connection.QueryAsync<(Guid, Guid)>("select rating_id, case_id from bad_review_rectifications"));
    }

    [Theory]
    [InlineData("ratings", 3, "X, Y and G; Z was voided on appeal")]
    [InlineData("badReviews", 2, "X and Y")]
    [InlineData("badReviewsCalledBack", 2, "X and Y")]
    [InlineData("badReviewsRectifiedOnTime", 1, "X; Y was called back a working day late")]
    [InlineData("appealsUpheld", 1, "Z")]
    [InlineData("ratingsSatisfied", 1, "G")]
    public async Task CloseAsync_FreezesTheRectificationFigures_WhenOctoberCloses(string count, long expected, string why)
    {
        await RunOctoberAsync();
        office.Clock.SetUtcNow(OctoberOffice.At(11, 1, 1));
        Assert.True(await new MonthlyClose(database.DataSource, SatisfactionCatalog.Instance, office.Clock).CloseAsync(October));

        var report = await new MonthlyStatistics(database.DataSource, SatisfactionCatalog.Instance, office.Clock).GetAsync(October, StatisticsDimension.Window);
        var verification = await new StatisticsVerification(database.DataSource, SatisfactionCatalog.Instance).VerifyAsync(October);

        Assert.True(report.Closed);
        var w1 = Assert.Single(report.Rows, r => r.Key == "w1");
        Assert.True(expected == w1.Figures.Count(count), $"{count}: {why}, got {w1.Figures.Count(count)}");
        Assert.True(expected == report.Total.Figures.Count(count), $"total {count}: {why}");
        Assert.Empty(verification.Differences);
    }
}
