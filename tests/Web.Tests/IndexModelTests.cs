namespace ServiceWindow.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class IndexModelTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_ShowsPublicMenuOnly_WhenVisitorIsNotSignedIn()
    {
        await using var page = await web.OpenAsync("start");
        await page.GotoAsync("/");

        var menu = await page.Page.Locator("nav.menu a").AllInnerTextsAsync();
        Assert.Equal(["办事指南", "大厅显示屏"], menu);
        await page.AssertHealthyAsync();
    }
}
