using Microsoft.Playwright;

namespace ServiceWindow.Web.Tests.Security;

/// Every page that prints a text from a case, the organisation, a definition or a job, as the person
/// who sees it: a new page that prints such a text adds its line here, and
/// <see cref="EscapingTests"/> checks it in the browser.
public static class HostilePages
{
    public static readonly IReadOnlyList<HostilePage> All =
    [
        new("queue", HostileOffice.Clerk, ["clerk", "handler"], _ => "/queue"),
        new("lookup", null, [], _ => "/lookup", LookUpAsync),
        new("hall", null, [], _ => "/hall"),
        new("statistics-department", "zhou.qiang", ["efficiency_office"], _ => "/statistics?By=Department"),
        new("statistics-window", "zhou.qiang", ["efficiency_office"], _ => "/statistics?By=Window"),
        new("statistics-staff", "zhou.qiang", ["efficiency_office"], _ => "/statistics?By=Staff"),
        new("statistics-item", "zhou.qiang", ["efficiency_office"], _ => "/statistics?By=Item"),
        new("guide-search", null, [], _ => "/guide?q=" + Uri.EscapeDataString(HostileText.Script)),
        new("guide-list", null, [], _ => "/guide"),
        new("guide-item", null, [], _ => "/guide/" + SecurityFixture.HostileDefinitionId),
        new("admin-definitions", "admin", ["admin"], _ => "/admin/definitions"),
        new("admin-diagram", "admin", ["admin"], _ => "/admin/definitions/" + SecurityFixture.HostileDefinitionId),
        new("jobs-details", "admin", ["admin"], c => "/jobs/jobs/details/" + c.JobId),
        new("statistics-charts", "zhou.qiang", ["efficiency_office"], _ => "/statistics?By=Item", HoverVolumeChartAsync),
        new("desk", HostileOffice.Clerk, ["clerk", "handler"], _ => "/desk?item=" + SecurityFixture.HostileDefinitionId),
        new("desk-item", HostileOffice.Clerk, ["clerk", "handler"], _ => "/desk", TypeItemAsync),
        new("case", HostileOffice.Clerk, ["clerk", "handler"], c => $"/cases/{c.Id}"),
        new("case-refused", HostileOffice.Clerk, ["clerk", "handler"], c => $"/cases/{c.RefusedId}"),
        new("case-extension", HostileOffice.Clerk, ["clerk", "handler"], c => $"/cases/{c.PendingExtensionId}"),
        new("case-inquiry", HostileOffice.Clerk, ["clerk", "handler"], c => $"/cases/{c.InquiryId}"),
        new("notice-acceptance", HostileOffice.Clerk, ["clerk", "handler"], c => $"/cases/{c.ExtendedId}/notices/acceptance"),
        new("notice-supplement", HostileOffice.Clerk, ["clerk", "handler"], c => $"/cases/{c.SupplementId}/notices/supplement"),
        new("notice-refusal", HostileOffice.Clerk, ["clerk", "handler"], c => $"/cases/{c.RefusedId}/notices/refusal"),
        new("notice-extension", HostileOffice.Clerk, ["clerk", "handler"], c => $"/cases/{c.ExtendedId}/notices/extension"),
        new("board", "sun.min", ["leader"], _ => "/board"),
        new("board-cards", "sun.min", ["leader"], _ => "/board", RefreshBoardAsync),
        new("admin-catalogue", "admin", ["admin"], _ => "/admin/catalogue"),
        new("admin-users", "admin", ["admin"], _ => "/admin/users"),
    ];

    public static TheoryData<string> Names => new(All.Select(p => p.Name));

    private static async Task LookUpAsync(IPage page, HostileCase hostile)
    {
        await page.GetByLabel("受理编号").FillAsync(hostile.ReceiptNumber);
        await page.GetByLabel("查询密码").FillAsync(hostile.LookupSecret);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    // The clerk types the item at the desk, and its form is fetched and swapped in.
    private static async Task TypeItemAsync(IPage page, HostileCase hostile)
    {
        await page.Locator("#item").FillAsync(SecurityFixture.HostileDefinitionId);
        await page.Locator("#desk-item", new() { HasTextString = "alert(1)" }).WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    // The board's lists again, swapped in the way its 30-second refresh does.
    private static async Task RefreshBoardAsync(IPage page, HostileCase hostile)
    {
        await page.EvaluateAsync("() => htmx.ajax('GET', '/board?handler=Cards', { target: '#board-cards', swap: 'innerHTML' })");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    // Hovering the bars shows the volume chart's tooltip, which names the hovered item: it must
    // neither build an element from the name nor break the page's policy.
    private static async Task HoverVolumeChartAsync(IPage page, HostileCase hostile)
    {
        var box = (await page.Locator("#volume-chart").BoundingBoxAsync())!;
        for (var y = box.Y + 45; y < box.Y + box.Height - 30; y += 10)
        {
            await page.Mouse.MoveAsync(box.X + box.Width / 2, y);
            await page.WaitForTimeoutAsync(50);
        }
    }
}
