using System.Net;
using System.Text.Json;
using Dapper;
using static Microsoft.Playwright.Assertions;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Persistence.Satisfaction;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Web.Tests.Statistics;

[Collection(WebCollection.Name)]
public sealed class IndexModelTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_CountsCaseUnderItsWindow_WhenClerkAcceptedOneThisMonth()
    {
        await OpenMarriageAsync("wang.fang");

        await using var page = await web.OpenAsync("statistics", staff: "qian.hong", roles: "efficiency_office");
        await page.GotoAsync("/statistics?By=Window");

        Assert.Equal("1", await page.Page.Locator("tr[data-key=marriage-1] [data-count=accepted]").InnerTextAsync());
        Assert.Equal("1", await page.Page.Locator("tr[data-key=total] [data-count=accepted]").InnerTextAsync());
        Assert.Equal("0", await page.Page.Locator("tr[data-key=total] [data-count=completed]").InnerTextAsync());
        // Nothing completed: no on-time rate to show, rather than a made-up 0 %.
        Assert.Equal("—", await page.Page.Locator("tr[data-key=total] [data-rate=onTime]").InnerTextAsync());
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task Get_DrawsTrendAndVolumeCharts_WithTheTablesFigures()
    {
        var registered = await OpenMarriageAsync("wang.fang");
        await OpenMarriageAsync("li.na");
        // Registered in the same visit: one completed, on time, so this month's on-time rate is 1/1.
        await web.Service<CaseCommands>().ExecuteAsync(registered.CaseId, new CaseCommand("register",
            Actor.Staff("wang.fang", "clerk", "handler"), registered.Version, new Dictionary<string, string> { ["certificate_number"] = "J2026-001" }));

        await using var page = await web.OpenAsync("statistics-charts", staff: "sun.min", roles: "leader");
        await page.GotoAsync("/statistics?By=Item");

        await Expect(page.Page.Locator("#trend-chart canvas")).ToHaveCountAsync(1);
        await Expect(page.Page.Locator("#volume-chart canvas")).ToHaveCountAsync(1);
        // Six months up to this one, and two marriages accepted this month, as the table by item says.
        Assert.Equal(6, await page.Page.Locator("#trend-table tbody tr").CountAsync());
        Assert.Equal("2", await page.Page.Locator("tr[data-key=marriage-registration] [data-count=accepted]").InnerTextAsync());
        Assert.Equal("100.0 %", await page.Page.Locator("#trend-table tbody tr:last-child [data-rate=onTime]").InnerTextAsync());
        var trend = JsonDocument.Parse(await page.Page.Locator("#trend-chart").GetAttributeAsync("data-chart") ?? "{}").RootElement;
        Assert.Equal(100m, trend.GetProperty("onTime")[5].GetDecimal());
        Assert.Equal(JsonValueKind.Null, trend.GetProperty("onTime")[4].ValueKind);
        var volume = JsonDocument.Parse(await page.Page.Locator("#volume-chart").GetAttributeAsync("data-chart") ?? "{}").RootElement;
        var keys = volume.GetProperty("keys").EnumerateArray().Select(k => k.GetString()).ToList();
        Assert.Equal(2, volume.GetProperty("accepted")[keys.IndexOf("marriage-registration")].GetInt64());
        Assert.Equal(1, volume.GetProperty("completed")[keys.IndexOf("marriage-registration")].GetInt64());
        await page.AssertHealthyAsync();
    }

    /// Three marriages registered at marriage-1 on Monday 2 November 2026 are each rated 1 at 09:30, and the
    /// sweep opens a rectification case for each at 10:00, promised in 5 working days (3-6 and 9 November,
    /// so by the 9th at 17:30). The first is called back on the 4th: on time. The second on the 10th: called
    /// back at 10:00, but late. The third is appealed and voided on the 4th: it leaves the bad reviews. So at 11:00
    /// on the 10th the window has 2 bad reviews, 2 called back, 1 rectified on time and 1 appeal upheld.
    [Fact]
    public async Task Get_ShowsCallbacksRectificationsAndAppeals_WhenBadReviewsWereRectifiedOrVoided()
    {
        var clock = web.UseFakeClock(At(2, 9, 0));
        var marriages = new List<Guid>();
        for (var i = 1; i <= 3; i++)
        {
            var opened = await OpenMarriageAsync("wang.fang");
            await web.Service<CaseCommands>().ExecuteAsync(opened.CaseId, new CaseCommand("register", Clerk, opened.Version,
                new Dictionary<string, string> { ["certificate_number"] = $"J2026-00{i}" }));
            marriages.Add(opened.CaseId);
        }
        clock.SetUtcNow(At(2, 9, 30));
        foreach (var marriage in marriages)
        {
            Assert.True(await web.Service<CaseRatings>().TryRateAsync(marriage, "marriage-1", "wang.fang", 1, "态度差", clock.GetUtcNow()));
        }
        clock.SetUtcNow(At(2, 10, 0));
        Assert.Equal(3, await web.Service<BadReviewRectifications>().RunAsync());
        var (onTime, late, appealed) = (await RectificationOfAsync(marriages[0]), await RectificationOfAsync(marriages[1]),
            await RectificationOfAsync(marriages[2]));
        clock.SetUtcNow(At(3, 10, 0));
        await ActAsync(onTime, "confirm", Chief, ("finding", "情况属实"));
        await ActAsync(late, "confirm", Chief, ("finding", "情况属实"));
        await ActAsync(appealed, "appeal", Chief, ("reason", "申请人评价对象有误"));
        clock.SetUtcNow(At(4, 10, 0));
        await ActAsync(onTime, "rectified", Chief, ("measures", "加强业务培训"));
        await ActAsync(onTime, "called_back", Chief, ("callback_result", "申请人表示满意"));
        await ActAsync(appealed, "void_review", Officer, ("reason", "评价对象有误，差评作废"));
        clock.SetUtcNow(At(10, 10, 0));
        await ActAsync(late, "rectified", Chief, ("measures", "完善一次性告知"));
        await ActAsync(late, "called_back", Chief, ("callback_result", "申请人表示认可"));
        clock.SetUtcNow(At(10, 11, 0));

        await using var page = await web.OpenAsync("statistics-rectification", staff: "zhou.qiang", roles: "efficiency_office");
        await page.GotoAsync("/statistics?Month=2026-11&By=Window");

        var window = page.Page.Locator("tr[data-key=marriage-1]");
        Assert.Equal(("2", "2", "1", "1"), (
            await window.Locator("[data-count=badReviews]").InnerTextAsync(),
            await window.Locator("[data-count=badReviewsCalledBack]").InnerTextAsync(),
            await window.Locator("[data-count=badReviewsRectifiedOnTime]").InnerTextAsync(),
            await window.Locator("[data-count=appealsUpheld]").InnerTextAsync()));
        Assert.Equal("1", await page.Page.Locator("tr[data-key=total] [data-count=badReviewsRectifiedOnTime]").InnerTextAsync());
        await Expect(page.Page.Locator("#statistics-table thead")).ToContainTextAsync("按时整改");
        // The widest table still fits the counter screen: no sideways scrolling; the screenshot shows the table.
        Assert.True(await page.Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        await page.Page.Locator("#statistics-table").ScrollIntoViewIfNeededAsync();
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task GetDownload_SendsCsvWithTheTotalRow_WhenCsvAsked()
    {
        await OpenMarriageAsync("wang.fang");
        using var client = web.CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthenticationHandler.StaffHeader, "sun.min");
        client.DefaultRequestHeaders.Add(TestAuthenticationHandler.RolesHeader, "leader");

        using var response = await client.GetAsync("/statistics?handler=Download&format=csv&By=Window");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, line => line.StartsWith("marriage-1,", StringComparison.Ordinal) || line.StartsWith("\"marriage-1\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_IsForbidden_WhenClerk()
    {
        using var client = web.CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthenticationHandler.StaffHeader, "wang.fang");
        client.DefaultRequestHeaders.Add(TestAuthenticationHandler.RolesHeader, "clerk");

        using var response = await client.GetAsync("/statistics");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static readonly Actor Clerk = Actor.Staff("wang.fang", "clerk", "handler");
    private static readonly Actor Chief = Actor.Staff("chen.jing", "section_chief");
    private static readonly Actor Officer = Actor.Staff("zhou.qiang", "efficiency_office");

    private static DateTimeOffset At(int day, int hour, int minute) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(8));

    private async Task<Guid> RectificationOfAsync(Guid marriage)
    {
        await using var connection = await web.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<Guid>(
            """
            select l.case_id from bad_review_rectifications l join ratings r on r.id = l.rating_id where r.case_id = @marriage
            """, new { marriage });
    }

    private async Task ActAsync(Guid id, string action, Actor actor, params (string Name, string Value)[] inputs)
    {
        var stored = await web.Service<CaseStore>().LoadAsync(id);
        await web.Service<CaseCommands>().ExecuteAsync(id, new CaseCommand(action, actor, stored.Version,
            inputs.ToDictionary(i => i.Name, i => i.Value)));
    }

    private Task<CommandOutcome> OpenMarriageAsync(string clerk) =>
        web.Service<CaseCommands>().OpenAsync("marriage-registration", Guid.NewGuid(),
            new CaseCommand("receive", Actor.Staff(clerk, "clerk"), 0,
                new Dictionary<string, string> { ["party_a"] = "张三", ["party_b"] = "李四", ["window"] = "marriage-1" }));
}
