using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Web.Tests.Hall;

[Collection(WebCollection.Name)]
public sealed class IndexModelTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_CountsCaseAcceptedToday_WhenClerkOpenedOne()
    {
        var commands = web.Service<CaseCommands>();
        var inputs = new Dictionary<string, string> { ["party_a"] = "张三", ["party_b"] = "李四" };
        await commands.OpenAsync("marriage-registration", Guid.NewGuid(),
            new CaseCommand("receive", Actor.Staff("wang.fang", "clerk"), 0, inputs));

        await using (var connection = await web.DataSource.OpenConnectionAsync())
        {
            Assert.Equal(1L, await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "select count(*) from cases where accepted_at is not null"));
        }
        await using var page = await web.OpenAsync("hall", BrowserPage.WallScreen);
        await page.GotoAsync("/hall");

        Assert.Equal("1", await page.Page.Locator("[data-figure=accepted-today] .value").InnerTextAsync());
        Assert.Equal("0", await page.Page.Locator("[data-figure=completed-today] .value").InnerTextAsync());
        Assert.Equal("1", await page.Page.Locator("tr[data-window=marriage-1] td").First.InnerTextAsync());
        Assert.Equal("0", await page.Page.Locator("tr[data-window=marriage-2] td").First.InnerTextAsync());
        Assert.Equal(1, await page.Page.Locator("#queue-chart canvas").CountAsync());
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task Figures_ShowsNewCount_WhenRefreshedAfterAnotherCase()
    {
        await using var page = await web.OpenAsync("hall-refresh", BrowserPage.WallScreen);
        await page.GotoAsync("/hall");
        Assert.Equal("0", await page.Page.Locator("[data-figure=accepted-today] .value").InnerTextAsync());

        var inputs = new Dictionary<string, string> { ["party_a"] = "王五", ["party_b"] = "赵六" };
        await web.Service<CaseCommands>().OpenAsync("marriage-registration", Guid.NewGuid(),
            new CaseCommand("receive", Actor.Staff("li.na", "clerk"), 0, inputs));
        // The request the page's 30 s refresh makes, made now.
        await page.Page.EvaluateAsync("() => htmx.ajax('GET', '/hall?handler=Figures', '#hall-figures')");

        await Microsoft.Playwright.Assertions.Expect(page.Page.Locator("[data-figure=accepted-today] .value")).ToHaveTextAsync("1");
        Assert.Equal("1", await page.Page.Locator("tr[data-window=marriage-2] td").First.InnerTextAsync());
        Assert.Empty(page.Problems);
    }
}
