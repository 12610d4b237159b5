using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Months;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Web.Tests.Statistics;

[Collection(WebCollection.Name)]
public sealed class RankingModelTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_ExplainsLastMonthsRankingAndLastQuartersHonours_WhenBothWereMade()
    {
        // Monday 14 September: wang.fang receives a marriage at marriage-1 and registers it in the same
        // visit (on time); li.na receives one at marriage-2 that is never registered, so at month end it
        // is past both its promised and its statutory limit (both the same day for a marriage).
        var clock = web.UseFakeClock(new DateTimeOffset(2026, 9, 14, 10, 0, 0, TimeSpan.FromHours(8)));
        var registered = await OpenMarriageAsync("wang.fang", "marriage-1");
        await OpenMarriageAsync("li.na", "marriage-2");
        clock.SetUtcNow(new DateTimeOffset(2026, 9, 14, 10, 30, 0, TimeSpan.FromHours(8)));
        await web.Service<CaseCommands>().ExecuteAsync(registered.CaseId, new CaseCommand("register",
            Actor.Staff("wang.fang", "clerk", "handler"), registered.Version, new Dictionary<string, string> { ["certificate_number"] = "J2026-009" }));
        // 1 October, 04:30: July to September closed, September ranked and the third quarter awarded, as the jobs would.
        clock.SetUtcNow(new DateTimeOffset(2026, 10, 1, 4, 30, 0, TimeSpan.FromHours(8)));
        var close = new MonthlyClose(web.DataSource, web.Service<IWorkflowCatalog>(), clock);
        foreach (var month in new[] { new DateOnly(2026, 7, 1), new DateOnly(2026, 8, 1), new DateOnly(2026, 9, 1) })
        {
            Assert.True(await close.CloseAsync(month));
        }
        Assert.NotNull(await web.Service<MonthlyRanking>().RankAsync(new DateOnly(2026, 9, 1)));
        Assert.NotNull(await web.Service<QuarterlyHonoursRegister>().AwardAsync(new StatisticsQuarter(2026, 3)));

        await using var page = await web.OpenAsync("statistics-ranking", staff: "qian.hong", roles: "efficiency_office");
        await page.GotoAsync("/statistics/ranking");

        // Default weights: 60 for a full on-time rate, 40 for a full satisfaction rate, 2 off per overdue
        // case, 5 per statutory breach. marriage-1: 1 of 1 on time, no rating: 60. marriage-2: nothing
        // completed, so no on-time points; 1 overdue and 1 breach: −2 − 5 = −7.
        var ranking = page.Page.Locator("#ranking-table");
        Assert.Equal(["1", "2"], await ranking.Locator("tbody [data-position]").AllInnerTextsAsync());
        Assert.Equal(["60", "-7"], await ranking.Locator("tbody [data-score]").AllInnerTextsAsync());
        Assert.Equal("按时办结率：100.0 % (1/1) × 60 = 60",
            await ranking.Locator("tr[data-key=marriage-1] [data-term=onTimeRate]").InnerTextAsync());
        Assert.Equal("满意率：— (0/0) × 40 = 0",
            await ranking.Locator("tr[data-key=marriage-1] [data-term=satisfactionRate]").InnerTextAsync());
        Assert.Equal("超期件（每件扣分）：1 × 2 = -2",
            await ranking.Locator("tr[data-key=marriage-2] [data-term=overdue]").InnerTextAsync());
        Assert.Equal("超法定时限（每件扣分）：1 × 5 = -5",
            await ranking.Locator("tr[data-key=marriage-2] [data-term=statutoryBreaches]").InnerTextAsync());
        Assert.Contains("婚姻登记1号窗口", await ranking.Locator("tr[data-key=marriage-1]").InnerTextAsync());
        // The quarter is September's figures alone (July and August were empty): the same scores, by window and by person.
        Assert.Equal(["marriage-1", "marriage-2"],
            await page.Page.Locator("#red-flag-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.key)"));
        Assert.Equal(["wang.fang", "li.na"],
            await page.Page.Locator("#service-star-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.key)"));
        Assert.Contains("王芳", await page.Page.Locator("#service-star-table tr[data-key='wang.fang']").InnerTextAsync());
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task Get_SaysNothingIsRankedOrAwardedYet_WhenTheJobsHaveNotRun()
    {
        web.UseFakeClock(new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.FromHours(8)));

        await using var page = await web.OpenAsync("statistics-ranking-empty", staff: "sun.min", roles: "leader");
        await page.GotoAsync("/statistics/ranking?Month=2026-09&Quarter=2026-q3");

        Assert.Equal(1, await page.Page.Locator("#ranking-missing").CountAsync());
        Assert.Equal(1, await page.Page.Locator("#honours-missing").CountAsync());
        Assert.Equal("2026-Q3", await page.Page.Locator("#quarter").InputValueAsync());
        await page.AssertHealthyAsync();
    }

    private Task<CommandOutcome> OpenMarriageAsync(string clerk, string window) =>
        web.Service<CaseCommands>().OpenAsync("marriage-registration", Guid.NewGuid(),
            new CaseCommand("receive", Actor.Staff(clerk, "clerk"), 0,
                new Dictionary<string, string> { ["party_a"] = "张三", ["party_b"] = "李四", ["window"] = window }));
}
