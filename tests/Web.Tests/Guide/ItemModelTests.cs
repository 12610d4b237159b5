namespace ServiceWindow.Web.Tests.Guide;

[Collection(WebCollection.Name)]
public sealed class ItemModelTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_ShowsMaterialsLimitsAndBasis_WhenItemIsPromised()
    {
        await using var page = await web.OpenAsync("guide-item");
        await page.GotoAsync("/guide/minimum-living-allowance");

        var facts = await page.Page.Locator("dl.facts").InnerTextAsync();
        Assert.Contains("承诺件", facts);
        Assert.Contains("30 个工作日", facts);
        Assert.Contains("15 个工作日", facts);
        Assert.Equal(5, await page.Page.Locator("ol.materials li").CountAsync());
        Assert.Contains("公示", await page.Page.Locator("main").InnerTextAsync());
        Assert.Contains("不计入办理时限", await page.Page.Locator("main").InnerTextAsync());
        Assert.Contains("民发〔2021〕57号", await page.Page.Locator(".legal").InnerTextAsync());
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task Get_SaysSameVisit_WhenItemIsImmediate()
    {
        await using var page = await web.OpenAsync("guide-item-immediate");
        await page.GotoAsync("/guide/marriage-registration");

        var facts = await page.Page.Locator("dl.facts").InnerTextAsync();
        Assert.Contains("即办件", facts);
        Assert.Contains("当场办结", facts);
    }

    [Fact]
    public async Task Get_IsNotFound_WhenItemIsUnknown()
    {
        using var client = web.CreateClient();
        var response = await client.GetAsync("/guide/no-such-item");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }
}
