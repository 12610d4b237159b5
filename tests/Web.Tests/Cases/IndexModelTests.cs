using System.Globalization;
using System.Security.Claims;
using Dapper;
using Microsoft.Playwright;
using ServiceWindow.Host.Pages.Desk;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Web.Tests.Desk;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Web.Tests.Cases;

[Collection(WebCollection.Name)]
public sealed class IndexModelTests(WebFixture web) : IAsyncLifetime
{
    private static readonly TimeZoneInfo Beijing = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public Task InitializeAsync() => web.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_ShowsBothDeadlinesInBeijingTimeAndFullIdNumber_WhenHandlerOpensAllowance()
    {
        var taken = await AllowanceAsync();
        await using var page = await web.OpenAsync("case", staff: "zhang.wei", roles: ["clerk", "handler"]);
        await page.GotoAsync($"/cases/{taken.CaseId}");

        var (promised, statutory) = await DeadlinesAsync(taken.CaseId);
        Assert.Equal("家庭经济状况调查", await page.Page.Locator("[data-field=stage]").InnerTextAsync());
        Assert.Equal(Beijing8(promised), await page.Page.Locator("[data-field=promised-due]").InnerTextAsync());
        Assert.Equal(Beijing8(statutory), await page.Page.Locator("[data-field=statutory-due]").InnerTextAsync());
        Assert.StartsWith("剩余 ", await page.Page.Locator("[data-field=remaining] span").First.InnerTextAsync());
        Assert.Equal("110105198504120022", await page.Page.Locator("[data-field=id-number]").InnerTextAsync());
        Assert.Equal(["apply", "accept"], await page.Page.Locator("[data-timeline] li[data-kind=opened], [data-timeline] li[data-kind=action]")
            .EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.action)"));
        Assert.Equal(1, await page.Page.Locator("[data-timeline] li[data-kind=personal_data_viewed]").CountAsync());
        // The investigation stage has no timer of its own; escalations are not dates to count down to.
        Assert.Equal(0, await page.Page.Locator("[data-timer]").CountAsync());
        Assert.Equal(["complete_investigation", "request_supplement", "request_extension", "withdraw"],
            await page.Page.Locator("form.action-form").EvaluateAllAsync<string[]>("forms => forms.map(f => f.dataset.action)"));
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task Get_MasksIdNumberAndOffersOnlyLeadersActions_WhenLeaderOpensAllowance()
    {
        var taken = await AllowanceAsync();
        await using var page = await web.OpenAsync("case-leader", staff: "sun.min", roles: ["leader"]);
        await page.GotoAsync($"/cases/{taken.CaseId}");

        Assert.Equal("110105********0022", await page.Page.Locator("[data-field=id-number]").InnerTextAsync());
        Assert.Equal("139****5678", await page.Page.Locator("[data-field=phone]").InnerTextAsync());
        Assert.Equal(["approve_extension"], await page.Page.Locator("form.action-form").EvaluateAllAsync<string[]>("forms => forms.map(f => f.dataset.action)"));
        Assert.Equal(0, await page.Page.Locator("[data-timeline] li[data-kind=personal_data_viewed]").CountAsync());
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task PostAct_MovesCaseOn_WhenHandlerCompletesInvestigation()
    {
        var taken = await AllowanceAsync();
        await using var page = await web.OpenAsync("case-act", staff: "zhang.wei", roles: ["clerk", "handler"]);
        await page.GotoAsync($"/cases/{taken.CaseId}");

        var form = page.Page.Locator("form[data-action=complete_investigation]");
        await form.GetByLabel("调查结论").FillAsync("家庭人均收入低于当地低保标准");
        await SubmitAsync(page.Page, form);

        Assert.Equal("done", await page.Page.Locator("[data-message]").GetAttributeAsync("data-message"));
        Assert.Equal("乡镇审核", await page.Page.Locator("[data-field=stage]").InnerTextAsync());
        Assert.Contains("家庭人均收入低于当地低保标准",
            await page.Page.Locator("[data-timeline] li[data-action=complete_investigation]").InnerTextAsync());
        Assert.Empty(page.Problems);
        Assert.Equal("township_review", await StageAsync(taken.CaseId));
    }

    [Fact]
    public async Task PostAct_SaysCaseMovedOn_WhenFormWasDrawnBeforeAnotherAction()
    {
        var taken = await AllowanceAsync();
        await using var page = await web.OpenAsync("case-stale", staff: "zhang.wei", roles: ["clerk", "handler"]);
        await page.GotoAsync($"/cases/{taken.CaseId}");
        // Someone else acts on the case while this page is open.
        var version = await VersionAsync(taken.CaseId);
        await web.Service<CaseCommands>().ExecuteAsync(taken.CaseId, new CaseCommand("request_extension", Actor.Staff("zhang.wei", "handler"), version,
            new Dictionary<string, string> { ["extension"] = "5wd", ["reason"] = "需入户核查" }));

        var form = page.Page.Locator("form[data-action=complete_investigation]");
        await form.GetByLabel("调查结论").FillAsync("家庭人均收入低于当地低保标准");
        await SubmitAsync(page.Page, form);

        Assert.Equal("办件版本已变化，请重新读取后再提交", await page.Page.Locator("[data-message=refused]").InnerTextAsync());
        Assert.Equal("investigation", await StageAsync(taken.CaseId));
        Assert.Empty(page.Problems);
    }

    [Fact]
    public async Task GetExtensionNotice_ShowsReasonAndNewDate_WhenLeaderApprovesHandlersRequest()
    {
        var taken = await AllowanceAsync();
        var (before, _) = await DeadlinesAsync(taken.CaseId);
        await using (var handler = await web.OpenAsync("case-extension-request", staff: "zhang.wei", roles: ["clerk", "handler"]))
        {
            await handler.GotoAsync($"/cases/{taken.CaseId}");
            var form = handler.Page.Locator("form[data-action=request_extension]");
            await form.GetByLabel("延长时限（如 5wd）").FillAsync("5wd");
            await form.GetByLabel("理由").FillAsync("需入户核查家庭财产");
            await SubmitAsync(handler.Page, form);
            Assert.Equal(1, await handler.Page.Locator("[data-pending-extension]").CountAsync());
        }
        await using var leader = await web.OpenAsync("notice-extension", staff: "sun.min", roles: ["leader"]);
        await leader.GotoAsync($"/cases/{taken.CaseId}");
        await SubmitAsync(leader.Page, leader.Page.Locator("form[data-action=approve_extension]"));
        Assert.Equal("done", await leader.Page.Locator("[data-message]").GetAttributeAsync("data-message"));
        await leader.Page.GetByRole(AriaRole.Link, new() { Name = "延期告知书" }).ClickAsync();
        await leader.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        var (after, _) = await DeadlinesAsync(taken.CaseId);
        Assert.True(after > before);
        Assert.Equal("需入户核查家庭财产", await leader.Page.Locator("[data-field=reason]").InnerTextAsync());
        Assert.Equal(Beijing8(after), await leader.Page.Locator("[data-field=new-due]").InnerTextAsync());
        Assert.Contains("5 个工作日", await leader.Page.Locator("main").InnerTextAsync());
        await leader.AssertHealthyAsync();
    }

    [Fact]
    public async Task Get_ShowsTypedScriptAsText_WhenApplicantNameHoldsMarkup()
    {
        const string name = "<script>window.hacked=1</script>";
        await using var page = await web.OpenAsync("case-escaped", staff: "wang.fang", roles: ["clerk", "handler"]);
        await page.GotoAsync("/desk");
        await DeskForm.MarriageAsync(page.Page, name);
        await DeskForm.DecideAsync(page.Page, "受理");
        await page.Page.GetByRole(AriaRole.Link, new() { Name = "返回办件" }).ClickAsync();
        await page.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Equal(name, await page.Page.Locator("[data-field=applicant]").InnerTextAsync());
        Assert.Equal(name, await page.Page.Locator("[data-input=party_a]").InnerTextAsync());
        Assert.True(await page.Page.EvaluateAsync<bool>("() => window.hacked === undefined"));
        Assert.Equal(0, await page.Page.Locator("main script").CountAsync());
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task PostAct_ResumesPausedClock_WhenMaterialsReceivedAfterSupplement()
    {
        var taken = await AllowanceAsync(DeskDecision.Supplement, "application_form", "id_cards", "income_statement");
        await using var page = await web.OpenAsync("case-paused", staff: "zhang.wei", roles: ["clerk", "handler"]);
        await page.GotoAsync($"/cases/{taken.CaseId}");

        Assert.Equal("等待补正材料", await page.Page.Locator("[data-field=stage]").InnerTextAsync());
        Assert.Equal("（已暂停计时）", await page.Page.Locator("[data-field=paused]").InnerTextAsync());
        Assert.Equal(["等待补正材料", "仍在暂停"], await page.Page.Locator("[data-pauses] tbody td").EvaluateAllAsync<string[]>(
            "cells => [cells[1].textContent, cells[2].textContent]"));
        Assert.Contains("户口簿、家庭经济状况核对授权书", await page.Page.Locator("[data-timeline] li[data-action=request_supplement]").InnerTextAsync());
        await page.AssertHealthyAsync();

        await SubmitAsync(page.Page, page.Page.Locator("form[data-action=materials_received]"));

        Assert.Equal("家庭经济状况调查", await page.Page.Locator("[data-field=stage]").InnerTextAsync());
        Assert.Equal(0, await page.Page.Locator("[data-field=paused]").CountAsync());
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d$", await page.Page.Locator("[data-pauses] tbody td").Nth(2).InnerTextAsync());
        Assert.Empty(page.Problems);
    }

    [Fact]
    public async Task GetAcceptanceNotice_SpeaksEnglish_WhenReaderSwitchedLanguage()
    {
        var taken = await AllowanceAsync();
        await using var page = await web.OpenAsync("notice-english", staff: "zhang.wei", roles: ["clerk", "handler"]);
        await page.GotoAsync($"/cases/{taken.CaseId}/notices/acceptance");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.Page.Locator("h1")).ToHaveTextAsync("Acceptance notice");

        Assert.Equal(taken.ReceiptNumber, await page.Page.Locator("[data-field=receipt]").InnerTextAsync());
        Assert.Contains("Application form", await page.Page.Locator("[data-field=materials]").InnerTextAsync());
        Assert.Contains("Minimum living allowance", await page.Page.Locator("main").InnerTextAsync());
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task Get_AnswersNotFound_WhenCaseUnknownOrNoticeDoesNotApply()
    {
        var taken = await AllowanceAsync();
        using var client = web.CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthenticationHandler.StaffHeader, "zhang.wei");
        client.DefaultRequestHeaders.Add(TestAuthenticationHandler.RolesHeader, "clerk,handler");

        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync($"/cases/{taken.CaseId}/notices/acceptance")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{taken.CaseId}/notices/extension")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{taken.CaseId}/notices/supplement")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{taken.CaseId}/notices/refusal")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{Guid.NewGuid()}")).StatusCode);
        // Another window's clerk does not see the case at all.
        client.DefaultRequestHeaders.Remove(TestAuthenticationHandler.StaffHeader);
        client.DefaultRequestHeaders.Add(TestAuthenticationHandler.StaffHeader, "li.na");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/cases/{taken.CaseId}")).StatusCode);
    }

    private async Task<DeskOutcome> AllowanceAsync(DeskDecision decision = DeskDecision.Accept, params string[] received)
    {
        var clerk = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "zhang.wei"), new Claim(ClaimTypes.Role, "clerk"), new Claim(ClaimTypes.Role, "handler")], "Test"));
        return await web.Service<DeskIntake>().TakeAsync(clerk, new DeskApplication("minimum-living-allowance", "assistance-1", "刘芳",
            "110105198504120022", "13912345678",
            received.Length > 0 ? received : ["application_form", "id_cards", "household_register", "income_statement", "verification_consent"],
            new Dictionary<string, string> { ["household_size"] = "3", ["handler"] = "zhang.wei" }, decision, Guid.NewGuid().ToString("N")));
    }

    private static async Task SubmitAsync(IPage page, ILocator form)
    {
        await form.GetByRole(AriaRole.Button).ClickAsync();
        // Done (after the redirect back) or refused, the page that comes back says so.
        await page.Locator("[data-message]").WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    private static string Beijing8(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Beijing).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task<(DateTime Promised, DateTime Statutory)> DeadlinesAsync(Guid id)
    {
        await using var connection = await web.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(DateTime, DateTime)>(
            "select promised_deadline, statutory_deadline from cases where id = @id", new { id });
    }

    private async Task<string> StageAsync(Guid id)
    {
        await using var connection = await web.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>("select stage from cases where id = @id", new { id }) ?? "";
    }

    private async Task<long> VersionAsync(Guid id)
    {
        await using var connection = await web.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("select version from cases where id = @id", new { id });
    }
}
