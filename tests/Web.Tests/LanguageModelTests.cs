using Microsoft.Playwright;

namespace ServiceWindow.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class LanguageModelTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Post_TurnsPageEnglishAndBack_WhenVisitorSwitches()
    {
        await using var page = await web.OpenAsync("guide-english");
        await page.GotoAsync("/guide/marriage-registration");
        Assert.Equal("zh-CN", await page.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.StartsWith("结婚登记", await page.Page.Locator("h1").InnerTextAsync());

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.Page.WaitForURLAsync("**/guide/marriage-registration");

        Assert.Equal("en", await page.Page.Locator("html").GetAttributeAsync("lang"));
        Assert.StartsWith("Marriage registration", await page.Page.Locator("h1").InnerTextAsync());
        Assert.Contains("Completed on the spot", await page.Page.Locator("dl.facts").InnerTextAsync());
        Assert.Equal("Service guide", await page.Page.Locator("nav.menu a[href='/guide']").InnerTextAsync());
        await page.AssertHealthyAsync();

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "中文" }).ClickAsync();
        await page.Page.WaitForURLAsync("**/guide/marriage-registration");
        Assert.Equal("zh-CN", await page.Page.Locator("html").GetAttributeAsync("lang"));
    }

    [Fact]
    public async Task Post_StaysOnHost_WhenReturnUrlPointsElsewhere()
    {
        await using var page = await web.OpenAsync("language-redirect");
        await page.GotoAsync("/guide");
        await page.Page.EvaluateAsync("() => document.querySelector('form.language input[name=returnUrl]').value = 'https://example.org/'");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.StartsWith(web.BaseAddress.ToString(), page.Page.Url);
    }
}
