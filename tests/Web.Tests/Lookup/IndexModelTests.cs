using System.Security.Claims;
using Microsoft.Playwright;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Web.Tests.Lookup;

[Collection(WebCollection.Name)]
public sealed class IndexModelTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task PostRate_RecordsOneRating_WhenCitizenLooksUpRegisteredMarriage()
    {
        var opened = await OpenMarriageAsync();
        await web.Service<CaseCommands>().ExecuteAsync(opened.Id,
            new CaseCommand("register", Actor.Staff("wang.fang", "clerk"), opened.Version,
                new Dictionary<string, string> { ["certificate_number"] = "J110101-2026-000123" }));

        await using var page = await web.OpenAsync("lookup");
        await page.GotoAsync("/lookup");
        await LookUpAsync(page.Page, opened.ReceiptNumber, opened.LookupSecret);

        Assert.Equal("结婚登记", await page.Page.Locator("[data-field=item]").InnerTextAsync());
        Assert.Equal("已登记", await page.Page.Locator("[data-field=stage]").InnerTextAsync());
        Assert.Equal("无", (await page.Page.Locator("[data-field=missing]").InnerTextAsync()).Trim());
        await page.AssertHealthyAsync();

        await page.Page.GetByLabel("满意", new() { Exact = true }).CheckAsync();
        await page.Page.GetByLabel("意见（选填，500字以内）").FillAsync("很快");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();

        await Assertions.Expect(page.Page.Locator("[data-message]")).ToHaveAttributeAsync("data-message", "Lookup.Rated");
        Assert.Equal(0, await page.Page.Locator("form.rating").CountAsync());
        await using (var connection = await web.DataSource.OpenConnectionAsync())
        {
            var (score, comment) = await Dapper.SqlMapper.QuerySingleAsync<(int, string)>(connection,
                "select score, comment from ratings where case_id = @id", new { id = opened.Id });
            Assert.Equal(4, score);
            Assert.Equal("很快", comment);
        }
        Assert.Empty(page.Problems);
    }

    [Fact]
    public async Task PostFind_GivesSameAnswer_WhenSecretWrongOrReceiptUnknown()
    {
        var opened = await OpenMarriageAsync();
        await using var page = await web.OpenAsync("lookup-not-found");
        await page.GotoAsync("/lookup");

        await LookUpAsync(page.Page, opened.ReceiptNumber, "WRONGSECRET1");
        var wrongSecret = await page.Page.Locator("main").InnerTextAsync();
        await LookUpAsync(page.Page, "20260310-NOSUCH", "WRONGSECRET1");
        var unknown = await page.Page.Locator("main").InnerTextAsync();

        Assert.Contains("未找到该办件", wrongSecret);
        Assert.Equal(wrongSecret.Replace(opened.ReceiptNumber, "", StringComparison.Ordinal), unknown);
        Assert.Equal(0, await page.Page.Locator("[data-field=stage]").CountAsync());
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task PostFind_OffersNoRating_WhenCaseNotCompleted()
    {
        var opened = await OpenMarriageAsync();
        await using var page = await web.OpenAsync("lookup-open");
        await page.GotoAsync("/lookup");

        await LookUpAsync(page.Page, opened.ReceiptNumber, opened.LookupSecret);

        Assert.Equal("结婚登记", await page.Page.Locator("[data-field=item]").InnerTextAsync());
        Assert.Equal(0, await page.Page.Locator("form.rating").CountAsync());
        Assert.Empty(page.Problems);
    }

    private static async Task LookUpAsync(IPage page, string receiptNumber, string secret)
    {
        await page.GetByLabel("受理编号").FillAsync(receiptNumber);
        await page.GetByLabel("查询密码").FillAsync(secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private Task<IntakeResponse> OpenMarriageAsync()
    {
        var clerk = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "wang.fang"), new Claim(ClaimTypes.Role, "clerk")], "Test"));
        return web.Service<CaseIntake>().OpenAsync(clerk, new IntakeRequest("marriage-registration", "marriage-1",
            new ApplicantRequest("张三", "110101199003071233", "13812345678"), ["id_cards", "declaration"],
            Inputs: new Dictionary<string, string> { ["party_a"] = "张三", ["party_b"] = "李四" }), null);
    }
}
