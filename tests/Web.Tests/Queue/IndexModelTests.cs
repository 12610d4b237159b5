using System.Text.RegularExpressions;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Web.Tests.Queue;

[Collection(WebCollection.Name)]
public sealed class IndexModelTests(WebFixture web) : IAsyncLifetime
{
    public Task InitializeAsync() => web.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Get_ListsOwnAcceptedCaseWithRemainingTime_WhenClerkOpenedIt()
    {
        var id = Guid.NewGuid();
        var inputs = new Dictionary<string, string> { ["party_a"] = "张三", ["party_b"] = "李四" };
        await web.Service<CaseCommands>().OpenAsync("marriage-registration", id,
            new CaseCommand("receive", Actor.Staff("wang.fang", "clerk"), 0, inputs));

        await using var page = await web.OpenAsync("queue", null, "wang.fang", "clerk", "handler");
        await page.GotoAsync("/queue");

        var row = page.Page.Locator($"tr[data-case='{id}']");
        Assert.Equal(1, await row.CountAsync());
        Assert.Matches(new Regex(@"^(剩余|已超期) \d+ (个工作日 \d+ 小时|小时 \d+ 分钟)$"), await row.Locator("[data-remaining]").InnerTextAsync());
        await page.AssertHealthyAsync();

        // The row leads to the case page, where the clerk works it.
        await row.Locator("a").ClickAsync();
        await page.Page.WaitForURLAsync($"**/cases/{id}");
        await page.AssertHealthyAsync();
    }

    [Fact]
    public async Task Get_ShowsNoOtherClerksCase_WhenQueueOwnerDiffers()
    {
        var inputs = new Dictionary<string, string> { ["party_a"] = "王五", ["party_b"] = "赵六" };
        await web.Service<CaseCommands>().OpenAsync("marriage-registration", Guid.NewGuid(),
            new CaseCommand("receive", Actor.Staff("li.na", "clerk"), 0, inputs));

        await using var page = await web.OpenAsync("queue-empty", null, "wang.fang", "clerk", "handler");
        await page.GotoAsync("/queue");
        // The countdown refresh the page makes every minute, made now.
        await page.Page.EvaluateAsync("() => htmx.ajax('GET', '/queue?handler=Rows', '#queue-rows')");

        await Microsoft.Playwright.Assertions.Expect(page.Page.Locator("[data-queue-empty]")).ToHaveTextAsync("目前没有待办的办件。");
        Assert.Empty(page.Problems);
    }
}
