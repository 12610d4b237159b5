using Microsoft.Playwright;
using ServiceWindow.Host.Security;

namespace ServiceWindow.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class SignInModelTests(WebFixture web) : IAsyncLifetime
{
    private const string Password = "counter-pass-1";

    public async Task InitializeAsync()
    {
        await web.ResetAsync();
        await web.Service<UserAccounts>().AddAsync("wang.fang", "王芳", ["clerk", "handler"], Password, "marriage-1");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Post_LandsOnQueueWithStaffMenu_WhenClerkSignsIn()
    {
        await using var page = await web.OpenAsync("signin");
        await page.GotoAsync("/");
        await page.Page.GetByLabel("登录名").FillAsync("wang.fang");
        await page.Page.GetByLabel("密码", new() { Exact = true }).FillAsync(Password);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        await page.Page.WaitForURLAsync("**/queue");
        Assert.Equal(["办事指南", "大厅显示屏", "办件查询", "窗口受理", "我的待办"], await page.Page.Locator("nav.menu a").AllInnerTextsAsync());
        Assert.Equal("已登录：王芳", await page.Page.Locator("form.signout span").InnerTextAsync());
        await page.AssertHealthyAsync();

        await page.Page.GetByRole(AriaRole.Button, new() { Name = "退出登录" }).ClickAsync();
        await page.Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        Assert.Equal(["办事指南", "大厅显示屏", "办件查询"], await page.Page.Locator("nav.menu a").AllInnerTextsAsync());
    }

    [Fact]
    public async Task Post_ShowsLockoutMessage_WhenPasswordWrongFiveTimes()
    {
        await using var page = await web.OpenAsync("signin-lockout");
        await page.GotoAsync("/");
        for (var attempt = 1; attempt <= UserAccounts.MaxFailedAttempts; attempt++)
        {
            await page.Page.GetByLabel("登录名").FillAsync("wang.fang");
            await page.Page.GetByLabel("密码", new() { Exact = true }).FillAsync("wrong-password");
            await page.Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            var expected = attempt < UserAccounts.MaxFailedAttempts
                ? "登录名或密码不正确。"
                : "连续输错密码次数过多，账号已锁定 15 分钟，请稍后再试或联系管理员。";
            await Assertions.Expect(page.Page.Locator("[data-signin-message]")).ToHaveTextAsync(expected);
        }

        // Locked: even the right password is refused now.
        await page.Page.GetByLabel("密码", new() { Exact = true }).FillAsync(Password);
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("[data-signin-message]")).ToContainTextAsync("已锁定");
        Assert.EndsWith("/signin", page.Page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_Refused_WhenAntiforgeryTokenMissing()
    {
        using var client = web.CreateClient();
        var response = await client.PostAsync("/signin",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["login"] = "wang.fang", ["password"] = Password }));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("servicewindow=", StringComparison.Ordinal)));
    }
}
