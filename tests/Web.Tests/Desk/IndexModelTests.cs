using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Playwright;

namespace ServiceWindow.Web.Tests.Desk;

[Collection(WebCollection.Name)]
public sealed partial class IndexModelTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetItem_ShowsChecklistAndDecisionsOfItem_WhenClerkTypesItsName()
    {
        await using var page = await web.OpenAsync("desk", staff: "zhang.wei", roles: ["clerk", "handler"]);
        await page.GotoAsync("/desk");
        Assert.Equal(1, await page.Page.Locator("[data-item-missing]").CountAsync());

        await DeskForm.PickItemAsync(page.Page, "最低生活保障审核确认", "minimum-living-allowance");

        Assert.Equal(["申请书", "家庭成员身份证件", "户口簿", "家庭收入和财产状况声明", "家庭经济状况核对授权书"],
            await page.Page.Locator(".checklist label").AllInnerTextsAsync());
        Assert.Equal(["受理", "受理并一次性告知补正", "不予受理"], await page.Page.Locator(".decisions button").AllInnerTextsAsync());
        Assert.Equal(1, await page.Page.GetByLabel("家庭人口数").CountAsync());
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task Get_PreselectsClerksWindow_WhenClerkSignedInWithPassword()
    {
        await web.Service<ServiceWindow.Host.Security.UserAccounts>().AddAsync("wang.fang", "王芳", ["clerk", "handler"], "counter-pass-1", "marriage-1");
        await using var page = await web.OpenAsync("desk-signed-in");
        await page.GotoAsync("/");
        await page.Page.GetByLabel("登录名").FillAsync("wang.fang");
        await page.Page.GetByLabel("密码", new() { Exact = true }).FillAsync("counter-pass-1");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.Page.WaitForURLAsync("**/queue");

        await page.Page.Locator("nav.menu").GetByRole(AriaRole.Link, new() { Name = "窗口受理" }).ClickAsync();
        await page.Page.WaitForURLAsync("**/desk");

        Assert.Equal("marriage-1", await page.Page.Locator("#intake-window").InputValueAsync());
        Assert.Equal("page", await page.Page.Locator("nav.menu a[href='/desk']").GetAttributeAsync("aria-current"));
        Assert.Empty(page.Problems);
    }

    [Fact]
    public async Task PostIntake_PrintsAcceptanceNoticeWithSecretOnce_WhenClerkAcceptsMarriage()
    {
        await using var page = await web.OpenAsync("notice-acceptance", staff: "wang.fang", roles: ["clerk", "handler"]);
        await page.GotoAsync("/desk");
        await DeskForm.MarriageAsync(page.Page);
        await DeskForm.DecideAsync(page.Page, "受理");

        Assert.Matches(NoticeAddress(), page.Page.Url);
        var receipt = await page.Page.Locator("[data-field=receipt]").InnerTextAsync();
        var secret = await page.Page.Locator("[data-field=secret] .secret").InnerTextAsync();
        Assert.Matches(ReceiptPattern(), receipt);
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{12}$", secret);
        Assert.Contains("双方身份证", await page.Page.Locator("[data-field=materials]").InnerTextAsync());
        var qr = page.Page.Locator("img[data-qr]");
        Assert.StartsWith("data:image/png;base64,", await qr.GetAttributeAsync("src"));
        Assert.True(await qr.EvaluateAsync<int>("img => img.naturalWidth") > 0);
        Assert.Equal(1, await page.Page.Locator(".seal-area").CountAsync());
        await page.AssertHealthyAsync();

        await using (var connection = await web.DataSource.OpenConnectionAsync())
        {
            var (stage, window, accepted) = await connection.QuerySingleAsync<(string, string, bool)>(
                "select stage, window_id, accepted_at is not null from cases where receipt_number = @receipt", new { receipt });
            Assert.Equal("reviewing", stage);
            Assert.Equal("marriage-1", window);
            Assert.True(accepted);
        }
        // Printed once: the same notice opened again withholds the secret.
        await page.Page.ReloadAsync();
        Assert.Equal(1, await page.Page.Locator("[data-secret-withheld]").CountAsync());
        Assert.DoesNotContain(secret, await page.Page.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task PostIntake_ListsEveryMissingMaterialOnce_WhenClerkRequestsSupplementForAllowance()
    {
        await using var page = await web.OpenAsync("notice-supplement", staff: "zhang.wei", roles: ["clerk", "handler"]);
        await page.GotoAsync("/desk");
        await DeskForm.AllowanceAsync(page.Page);
        Assert.Equal("zhang.wei", await page.Page.GetByLabel("承办人（工号）").InputValueAsync());
        await DeskForm.DecideAsync(page.Page, "受理并一次性告知补正");

        Assert.Matches(NoticeAddress(), page.Page.Url);
        Assert.Equal(1, await page.Page.Locator("[data-field=secret] .secret").CountAsync());
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "一次性告知书" }).ClickAsync();
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var missing = await page.Page.Locator("[data-field=missing] li").AllInnerTextsAsync();
        Assert.Equal(["户口簿", "家庭经济状况核对授权书"], missing);
        await page.AssertHealthyAsync();
        await using var connection = await web.DataSource.OpenConnectionAsync();
        var (stage, handler) = await connection.QuerySingleAsync<(string, string)>("select stage, handler_id from cases");
        Assert.Equal("awaiting_materials", stage);
        Assert.Equal("zhang.wei", handler);
    }

    [Fact]
    public async Task PostIntake_PrintsRefusalWithReasonAndAppeal_WhenClerkRefusesAllowance()
    {
        await using var page = await web.OpenAsync("notice-refusal", staff: "zhang.wei", roles: ["clerk", "handler"]);
        await page.GotoAsync("/desk");
        await DeskForm.AllowanceAsync(page.Page);
        await page.Page.GetByLabel("不予受理（不予批准）的理由").FillAsync("申请人户籍不在本辖区");
        await DeskForm.DecideAsync(page.Page, "不予受理");

        Assert.EndsWith("/notices/refusal", page.Page.Url);
        Assert.Equal("不予受理通知书", await page.Page.Locator("h1").InnerTextAsync());
        Assert.Equal("申请人户籍不在本辖区", await page.Page.Locator("[data-field=reason]").InnerTextAsync());
        Assert.Contains("行政复议", await page.Page.Locator("[data-field=appeal]").InnerTextAsync());
        await page.AssertHealthyAsync();
        await using var connection = await web.DataSource.OpenConnectionAsync();
        Assert.Equal("not_accepted", await connection.ExecuteScalarAsync<string>("select stage from cases"));
    }

    [Fact]
    public async Task PostIntake_OpensNoCase_WhenRefusalHasNoReason()
    {
        await using var page = await web.OpenAsync("desk-refuse-empty", staff: "zhang.wei", roles: ["clerk", "handler"]);
        await page.GotoAsync("/desk");
        await DeskForm.AllowanceAsync(page.Page);
        await DeskForm.DecideAsync(page.Page, "不予受理");

        Assert.EndsWith("/desk?handler=Intake", page.Page.Url);
        Assert.Equal(1, await page.Page.Locator("[data-errors] [data-error='$.inputs.reason']").CountAsync());
        // The form comes back as it was filled in.
        Assert.Equal("刘芳", await page.Page.GetByLabel("姓名", new() { Exact = true }).InputValueAsync());
        Assert.True(await page.Page.GetByLabel("申请书", new() { Exact = true }).IsCheckedAsync());
        Assert.False(await page.Page.GetByLabel("户口簿", new() { Exact = true }).IsCheckedAsync());
        Assert.Empty(page.Problems);
        await using var connection = await web.DataSource.OpenConnectionAsync();
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("select count(*) from cases"));
    }

    [Fact]
    public async Task IdNumber_IsFlaggedAsTyped_WhenCheckCharacterWrong()
    {
        await using var page = await web.OpenAsync("desk-id-number", staff: "wang.fang", roles: ["clerk", "handler"]);
        await page.GotoAsync("/desk");
        var idNumber = page.Page.GetByLabel("公民身份号码");
        var hint = page.Page.Locator("[data-id-hint]");

        await idNumber.PressSequentiallyAsync("11010119900307123");
        await Assertions.Expect(hint).ToHaveTextAsync("已输入 17/18 位");
        await idNumber.PressSequentiallyAsync("4");
        await Assertions.Expect(hint).ToHaveTextAsync("身份证号码校验不通过，请核对");
        Assert.False(await idNumber.EvaluateAsync<bool>("input => input.checkValidity()"));

        await idNumber.FillAsync("");
        await idNumber.PressSequentiallyAsync("110101199003071233");
        await Assertions.Expect(hint).ToHaveTextAsync("号码校验通过");
        Assert.True(await idNumber.EvaluateAsync<bool>("input => input.checkValidity()"));
        Assert.Empty(page.Problems);
    }

    [Fact]
    public async Task PostIntake_RefusesOnServer_WhenIdNumberInvalidDespitePage()
    {
        await using var page = await web.OpenAsync("desk-id-server", staff: "wang.fang", roles: ["clerk", "handler"]);
        await page.GotoAsync("/desk");
        await DeskForm.MarriageAsync(page.Page);
        // A browser without the script (or a hand-made post) still meets the server's check.
        await page.Page.GetByLabel("公民身份号码").EvaluateAsync("input => { input.removeAttribute('data-id-check'); input.setCustomValidity(''); input.value = '110101199003071234'; }");
        await DeskForm.DecideAsync(page.Page, "受理");

        Assert.Equal(1, await page.Page.Locator("[data-errors] [data-error='$.applicant.idNumber']").CountAsync());
        await using var connection = await web.DataSource.OpenConnectionAsync();
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("select count(*) from cases"));
    }

    [Fact]
    public async Task PostInquiry_ShowsAcknowledgementCountdown_WhenClerkRefersInquiry()
    {
        await using var page = await web.OpenAsync("case-referral", staff: "liu.yang", roles: ["clerk"]);
        await page.GotoAsync("/desk");
        await page.Page.GetByLabel("咨询事项").FillAsync("咨询低保申请条件");
        await page.Page.Locator("#inquiry-window").SelectOptionAsync("hall-1");
        await page.Page.GetByLabel("转办至窗口").SelectOptionAsync("assistance-1");
        await page.Page.GetByLabel("联系方式").FillAsync("13712345678");
        await DeskForm.DecideAsync(page.Page, "登记并转办");

        Assert.Equal("已转办待签收", await page.Page.Locator("[data-field=stage]").InnerTextAsync());
        var countdown = page.Page.Locator("[data-timer=acknowledgement_due] .countdown");
        await Assertions.Expect(countdown).ToHaveTextAsync(CountdownPattern());
        Assert.Equal("running", await countdown.GetAttributeAsync("data-state"));
        await page.AssertHealthyAsync();
        await using var connection = await web.DataSource.OpenConnectionAsync();
        var (stage, owner) = await connection.QuerySingleAsync<(string, string)>("select stage, first_inquiry_owner from cases");
        Assert.Equal("referred", stage);
        Assert.Equal("liu.yang", owner);
    }

    [Fact]
    public async Task PostIntake_LetsCitizenLookUpAndRate_WhenClerkRegistersTheMarriage()
    {
        string receipt, secret;
        await using (var clerk = await web.OpenAsync("desk-citizen", staff: "wang.fang", roles: ["clerk", "handler"]))
        {
            await clerk.GotoAsync("/desk");
            await DeskForm.MarriageAsync(clerk.Page);
            await DeskForm.DecideAsync(clerk.Page, "受理");
            receipt = await clerk.Page.Locator("[data-field=receipt]").InnerTextAsync();
            secret = await clerk.Page.Locator("[data-field=secret] .secret").InnerTextAsync();
            await clerk.Page.GetByRole(AriaRole.Link, new() { Name = "返回办件" }).ClickAsync();
            var register = clerk.Page.Locator("form[data-action=register]");
            await register.GetByLabel("证书编号").FillAsync("J110101-2026-000456");
            await register.GetByRole(AriaRole.Button).ClickAsync();
            await Assertions.Expect(clerk.Page.Locator("[data-field=stage]")).ToHaveTextAsync("已登记");
            Assert.Empty(clerk.Problems);
        }

        await using var citizen = await web.OpenAsync("desk-citizen-lookup");
        await citizen.GotoAsync("/lookup");
        await citizen.Page.GetByLabel("受理编号").FillAsync(receipt);
        await citizen.Page.GetByLabel("查询密码").FillAsync(secret);
        await citizen.Page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await Assertions.Expect(citizen.Page.Locator("[data-field=stage]")).ToHaveTextAsync("已登记");
        await citizen.Page.GetByLabel("非常满意", new() { Exact = true }).CheckAsync();
        await citizen.Page.GetByRole(AriaRole.Button, new() { Name = "提交评价" }).ClickAsync();
        await Assertions.Expect(citizen.Page.Locator("[data-message]")).ToHaveAttributeAsync("data-message", "Lookup.Rated");
        Assert.Empty(citizen.Problems);

        await using var hall = await web.OpenAsync("desk-citizen-hall", BrowserPage.WallScreen);
        await hall.GotoAsync("/hall");
        Assert.Equal("1", await hall.Page.Locator("[data-figure=accepted-today] .value").InnerTextAsync());
        Assert.Equal("1", await hall.Page.Locator("[data-figure=completed-today] .value").InnerTextAsync());
        await using var connection = await web.DataSource.OpenConnectionAsync();
        Assert.Equal(5, await connection.ExecuteScalarAsync<int>("select score from ratings"));
    }

    [GeneratedRegex(@"/cases/[0-9a-f-]{36}/notices/acceptance$")]
    private static partial Regex NoticeAddress();

    [GeneratedRegex(@"^\d{8}-[0-9A-Z]{6}$")]
    private static partial Regex ReceiptPattern();

    [GeneratedRegex(@"^还有 \d+:\d\d:\d\d$")]
    private static partial Regex CountdownPattern();
}
