using System.Net;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using ServiceWindow.Persistence.Accountability;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Workflows.Engine;
using static Microsoft.Playwright.Assertions;

namespace ServiceWindow.Web.Tests.Board;

/// The supervisor board on a fake clock. A minimum living allowance accepted on Monday 2 November
/// 2026 at 10:00 (Beijing) has 30 working days: 21 in November after the 2nd (3-6, 9-13, 16-20,
/// 23-27, 30) and 9 in December (1-4, 7-11, 14), so it is promised by 14 December 17:30 (no holiday
/// falls in between). A 5-working-day extension makes it 35 days: 15-18 and 21 December.
[Collection(WebCollection.Name)]
public sealed class IndexModelTests(WebFixture web) : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset AcceptedAt = new(2026, 11, 2, 10, 0, 0, Beijing);

    public Task InitializeAsync() => web.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task PostApprove_RemovesRequestAndMovesDeadline_WhenLeaderApprovesExtension()
    {
        var clock = web.UseFakeClock(AcceptedAt);
        var (id, version) = await AcceptAllowanceAsync("陈小明");
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 3, 10, 0, 0, Beijing));
        await RequestExtensionAsync(id, version, "入户调查需要补充核对");

        await using var page = await web.OpenAsync("board-leader", staff: "sun.min", roles: "leader");
        await page.GotoAsync("/board");
        var row = page.Page.Locator($"tr[data-extension='{id}']");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-due]")).ToHaveTextAsync("2026-12-14 17:30");
        await Expect(row.Locator("[data-extension-limit]")).ToHaveTextAsync("5 个工作日");
        await page.AssertHealthyAsync();

        await page.Page.Locator($"button[data-approve='{id}']").ClickAsync();

        await Expect(page.Page.Locator("[data-board-notice=ExtensionApproved]")).ToBeVisibleAsync();
        await Expect(page.Page.Locator($"tr[data-extension='{id}']")).ToHaveCountAsync(0);
        var stored = await web.Service<CaseQueries>().FindAsync(id, CaseScope.All("sun.min"));
        Assert.Equal(new DateTimeOffset(2026, 12, 21, 17, 30, 0, Beijing), stored!.PromisedDue);
        Assert.Empty(page.Problems);
    }

    [Theory]
    [InlineData("version", "1", "Stale")]
    [InlineData("caseId", "00000000-0000-0000-0000-000000000001", "NotFound")]
    [InlineData("caseId", "not-a-case", "NotFound")]
    public async Task PostApprove_KeepsRequestAndSaysWhy_WhenFormNoLongerMatches(string field, string value, string notice)
    {
        var clock = web.UseFakeClock(AcceptedAt);
        var (id, version) = await AcceptAllowanceAsync("陈小明");
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 3, 10, 0, 0, Beijing));
        await RequestExtensionAsync(id, version, "入户调查需要补充核对");

        await using var page = await web.OpenAsync("board-approve-" + notice, staff: "sun.min", roles: "leader");
        await page.GotoAsync("/board");
        await page.Page.Locator($"tr[data-extension='{id}'] input[name={field}]").EvaluateAsync("(input, value) => input.value = value", value);
        await page.Page.Locator($"button[data-approve='{id}']").ClickAsync();

        await Expect(page.Page.Locator($"[data-board-notice={notice}]")).ToBeVisibleAsync();
        await Expect(page.Page.Locator($"tr[data-extension='{id}']")).ToHaveCountAsync(1);
        var stored = await web.Service<CaseQueries>().FindAsync(id, CaseScope.All("sun.min"));
        Assert.Equal(new DateTimeOffset(2026, 12, 14, 17, 30, 0, Beijing), stored!.PromisedDue);
        Assert.Empty(page.Problems);
    }

    [Fact]
    public async Task GetCards_ShowYellowThenRedCard_WhenClockPassesThresholdThenDeadline()
    {
        // Temporary assistance: promised in 10 working days (3-6, 9-13, 16 November: the 16th at 17:30),
        // statutory in 15 (17-20, 23 November). Yellow at 20 % of 10 = 2 working days before: the 12th at 09:00.
        var clock = web.UseFakeClock(AcceptedAt);
        var id = await AcceptTemporaryAssistanceAsync();
        var card = $"li[data-case='{id}']";

        clock.SetUtcNow(new DateTimeOffset(2026, 11, 11, 17, 0, 0, Beijing));
        await using var page = await web.OpenInDepartmentAsync("board-section-chief", "zhao.lei", "social-assistance", "section_chief");
        await page.GotoAsync("/board");
        await Expect(page.Page.Locator(card)).ToHaveCountAsync(0);

        // Thursday 12 November 09:30: 2.5 + 4 office hours left that day, then the 13th and the 16th.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 12, 9, 30, 0, Beijing));
        await RefreshAsync(page);
        await Expect(page.Page.Locator(card)).ToHaveAttributeAsync("data-level", "yellow");
        await Expect(page.Page.Locator($"{card} [data-remaining]")).ToHaveTextAsync("剩余 2 个工作日 6 小时");
        await Expect(page.Page.Locator($"section[data-window='assistance-1'] {card}")).ToHaveCountAsync(1);
        await page.AssertHealthyAsync();

        // Tuesday 17 November 09:30: half an office hour past the promise, the statutory limit still ahead.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 17, 9, 30, 0, Beijing));
        await RefreshAsync(page);
        await Expect(page.Page.Locator(card)).ToHaveAttributeAsync("data-level", "red");
        await Expect(page.Page.Locator($"{card} [data-remaining]")).ToHaveTextAsync("已超期 0 小时 30 分钟");

        // Tuesday 24 November 09:00: past the statutory deadline of the 23rd at 17:30.
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 9, 0, 0, Beijing));
        await RefreshAsync(page);
        await Expect(page.Page.Locator(card)).ToHaveAttributeAsync("data-level", "statutory_red");
        Assert.Empty(page.Problems);
    }

    [Fact]
    public async Task Get_HidesOtherDepartmentsCards_WhenSectionChief()
    {
        var clock = web.UseFakeClock(AcceptedAt);
        var id = await AcceptTemporaryAssistanceAsync();
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 17, 9, 30, 0, Beijing));

        await using var page = await web.OpenInDepartmentAsync("board-other-department", "chen.jing", "civil-affairs", "section_chief");
        await page.GotoAsync("/board");

        await Expect(page.Page.Locator($"li[data-case='{id}']")).ToHaveCountAsync(0);
        Assert.Empty(page.Problems);
    }

    [Fact]
    public async Task Get_ShowsScriptAsText_WhenExtensionReasonHoldsScriptTag()
    {
        const string reason = "<script>window.boardInjected = 1;</script>";
        var clock = web.UseFakeClock(AcceptedAt);
        var (id, version) = await AcceptAllowanceAsync("<script>window.boardInjected = 2;</script>");
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 3, 10, 0, 0, Beijing));
        await RequestExtensionAsync(id, version, reason);

        await using var page = await web.OpenInDepartmentAsync("board-escaped", "zhao.lei", "social-assistance", "section_chief");
        await page.GotoAsync("/board");

        await Expect(page.Page.Locator($"tr[data-extension='{id}'] [data-reason]")).ToHaveTextAsync(reason);
        Assert.Equal(0, await page.Page.Locator("#board-cards script").CountAsync());
        Assert.True(await page.Page.EvaluateAsync<bool>("() => window.boardInjected === undefined"));
        // A section chief reads the request; approving is a leader's.
        Assert.Equal(0, await page.Page.Locator($"button[data-approve='{id}']").CountAsync());
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task PostConfirm_DecidesFinding_WhenEfficiencyOfficeConfirmsStatedFinding()
    {
        var register = web.Service<FindingRegister>();
        var finding = await register.OpenInterviewAsync("assistance-1", "zhao.lei", new DateOnly(2026, 11, 1), "连续两个月排名末位");
        await register.StateAsync(finding!.Value, "zhao.lei", "已制定整改计划");

        await using var page = await web.OpenAsync("board-findings", staff: "zhou.qiang", roles: "efficiency_office");
        await page.GotoAsync("/board");
        await Expect(page.Page.Locator($"tr[data-finding='{finding}']")).ToContainTextAsync("已制定整改计划");

        await page.Page.Locator($"button[data-confirm='{finding}']").ClickAsync();

        await Expect(page.Page.Locator("[data-board-notice=FindingConfirmed]")).ToBeVisibleAsync();
        await Expect(page.Page.Locator($"tr[data-finding='{finding}']")).ToHaveCountAsync(0);
        var decided = await register.GetAsync(finding.Value);
        Assert.Equal(FindingStatus.Confirmed, decided!.Status);
        Assert.Equal("zhou.qiang", decided.DecidedBy);
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task Get_ListsReferralWithTimeLeft_WhenReferredToChiefsDepartment()
    {
        // Referred at 09:30: acknowledgement is due 2 working hours later, 11:30; read at 10:00.
        var clock = web.UseFakeClock(new DateTimeOffset(2026, 11, 2, 9, 30, 0, Beijing));
        var commands = web.Service<CaseCommands>();
        var id = Guid.NewGuid();
        var clerk = Actor.Staff("liu.yang", "clerk");
        var logged = await commands.OpenAsync("inquiry-referral", id, new CaseCommand("log", clerk, 0,
            new Dictionary<string, string> { ["channel"] = "counter", ["matter"] = "咨询低保申请", ["window"] = "hall-1" }));
        await commands.ExecuteAsync(id, new CaseCommand("refer", clerk, logged.Version,
            new Dictionary<string, string> { ["target_window"] = "assistance-1", ["contact"] = "13800000000" }));
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 2, 10, 0, 0, Beijing));

        await using var page = await web.OpenInDepartmentAsync("board-referral", "zhao.lei", "social-assistance", "section_chief");
        await page.GotoAsync("/board");

        var row = page.Page.Locator($"tr[data-referral='{id}']");
        await Expect(row).ToContainTextAsync("2026-11-02 11:30");
        await Expect(row.Locator("[data-remaining]")).ToHaveTextAsync("剩余 1 小时 30 分钟");
        Assert.Empty(page.Problems);
    }

    [Fact]
    public async Task Get_ListsBadReviewWithTimeLeft_WhenRectificationOpen()
    {
        // Five working days from Monday 2 November 10:00: 6 office hours that day, then the 3rd-6th and the 9th.
        web.UseFakeClock(AcceptedAt);
        var id = Guid.NewGuid();
        await web.Service<CaseCommands>().OpenAsync("bad-review-rectification", id, new CaseCommand("open",
            Actor.Staff("zhou.qiang", "efficiency_office"), 0,
            new Dictionary<string, string> { ["rating"] = "1", ["window"] = "assistance-1", ["responsible"] = "zhang.wei", ["review"] = "等候时间太长" }));

        await using var page = await web.OpenAsync("board-bad-review", staff: "zhou.qiang", roles: "efficiency_office");
        await page.GotoAsync("/board");

        await Expect(page.Page.Locator($"li[data-bad-review='{id}']")).ToContainTextAsync("剩余 5 个工作日 6 小时");
        Assert.Empty(page.Problems);
    }

    [Fact]
    public async Task Get_ShowsCardInEnglish_WhenEnglishChosen()
    {
        var clock = web.UseFakeClock(AcceptedAt);
        var id = await AcceptTemporaryAssistanceAsync();
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 17, 9, 30, 0, Beijing));

        await using var page = await web.OpenAsync("board-english", staff: "sun.min", roles: "leader");
        await page.GotoAsync("/board");
        await page.Page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();

        await Expect(page.Page.Locator("h1")).ToHaveTextAsync("Supervisor board");
        await Expect(page.Page.Locator($"li[data-case='{id}'] .card-level")).ToHaveTextAsync("Red: overdue");
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task Get_IsForbidden_WhenClerk()
    {
        using var client = web.CreateClient();
        client.DefaultRequestHeaders.Add(TestAuthenticationHandler.StaffHeader, "wang.fang");
        client.DefaultRequestHeaders.Add(TestAuthenticationHandler.RolesHeader, "clerk");

        using var response = await client.GetAsync("/board");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<(Guid Id, long Version)> AcceptAllowanceAsync(string applicant)
    {
        var commands = web.Service<CaseCommands>();
        var id = Guid.NewGuid();
        var clerk = Actor.Staff("zhang.wei", "clerk", "handler");
        var opened = await commands.OpenAsync("minimum-living-allowance", id, new CaseCommand("apply", clerk, 0,
            new Dictionary<string, string> { ["applicant"] = applicant, ["household_size"] = "3", ["window"] = "assistance-1" }));
        var accepted = await commands.ExecuteAsync(id, new CaseCommand("accept", clerk, opened.Version,
            new Dictionary<string, string> { ["handler"] = "zhang.wei" }));
        return (id, accepted.Version);
    }

    private async Task<Guid> AcceptTemporaryAssistanceAsync()
    {
        var commands = web.Service<CaseCommands>();
        var id = Guid.NewGuid();
        var clerk = Actor.Staff("zhang.wei", "clerk", "handler");
        var opened = await commands.OpenAsync("temporary-assistance", id, new CaseCommand("apply", clerk, 0,
            new Dictionary<string, string> { ["applicant"] = "林芳", ["hardship"] = "突发重病", ["window"] = "assistance-1" }));
        await commands.ExecuteAsync(id, new CaseCommand("accept", clerk, opened.Version,
            new Dictionary<string, string> { ["handler"] = "zhang.wei" }));
        return id;
    }

    private Task RequestExtensionAsync(Guid id, long version, string reason) =>
        web.Service<CaseCommands>().ExecuteAsync(id, new CaseCommand("request_extension", Actor.Staff("zhang.wei", "clerk", "handler"), version,
            new Dictionary<string, string> { ["extension"] = "5wd", ["reason"] = reason }));

    // The refresh the board makes every 30 seconds, made now.
    private static Task RefreshAsync(BrowserPage page) =>
        page.Page.EvaluateAsync("() => htmx.ajax('GET', '/board?handler=Cards', '#board-cards')");
}
