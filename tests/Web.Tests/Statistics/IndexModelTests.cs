using System.Net;
using System.Text.Json;
using static Microsoft.Playwright.Assertions;
using ServiceWindow.Persistence.Cases;
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

    private Task<CommandOutcome> OpenMarriageAsync(string clerk) =>
        web.Service<CaseCommands>().OpenAsync("marriage-registration", Guid.NewGuid(),
            new CaseCommand("receive", Actor.Staff(clerk, "clerk"), 0,
                new Dictionary<string, string> { ["party_a"] = "张三", ["party_b"] = "李四", ["window"] = "marriage-1" }));
}
