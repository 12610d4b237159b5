using System.Net;

namespace ServiceWindow.Web.Tests.Admin;

[Collection(WebCollection.Name)]
public sealed class DiagramModelTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_DrawsEveryStageWithItsClock_WhenAdmin()
    {
        await using var page = await web.OpenAsync("admin-definition", staff: "admin", roles: "admin");
        await page.GotoAsync("/admin/definitions/minimum-living-allowance");

        var stages = page.Page.Locator("svg.diagram g[data-stage]");
        Assert.Equal(11, await stages.CountAsync());
        Assert.Equal("paused", await page.Page.Locator("g[data-stage=awaiting_materials]").GetAttributeAsync("data-clock"));
        Assert.Equal("paused", await page.Page.Locator("g[data-stage=public_notice]").GetAttributeAsync("data-clock"));
        Assert.Equal("stopped", await page.Page.Locator("g[data-stage=received]").GetAttributeAsync("data-clock"));
        Assert.Contains("特别程序", await page.Page.Locator("g[data-stage=public_notice]").TextContentAsync() ?? "");
        // Forward moves and the loops back (materials received, objection upheld) are all drawn.
        Assert.True(await page.Page.Locator("svg.diagram path.edge").CountAsync() >= 14);
        Assert.Equal(1, await page.Page.Locator("svg.diagram path.edge.timer").CountAsync());
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task Index_ShowsDefinitionsInMenu_WhenAdmin()
    {
        await using var page = await web.OpenAsync("admin-definitions", staff: "admin", roles: "admin");
        await page.GotoAsync("/admin/definitions");

        Assert.Equal(1, await page.Page.Locator("nav.menu a[href='/admin/definitions']").CountAsync());
        Assert.Equal(9, await page.Page.Locator("table.list tbody tr").CountAsync());
        await page.AssertHealthyAsync();
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    [InlineData("wang.fang", "clerk,handler", HttpStatusCode.Forbidden)]
    [InlineData("admin", "admin", HttpStatusCode.OK)]
    public async Task Get_AnswersByRole(string? staff, string? roles, HttpStatusCode expected)
    {
        using var client = web.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/definitions/marriage-registration");
        if (staff is not null)
        {
            request.Headers.Add(TestAuthenticationHandler.StaffHeader, staff);
            request.Headers.Add(TestAuthenticationHandler.RolesHeader, roles);
        }
        using var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Menu_HidesDefinitions_WhenVisitorIsNotAdmin()
    {
        await using var page = await web.OpenAsync("menu-clerk", staff: "wang.fang", roles: "clerk");
        await page.GotoAsync("/guide");
        Assert.Equal(0, await page.Page.Locator("nav.menu a[href='/admin/definitions']").CountAsync());
    }
}
