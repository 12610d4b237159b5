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
    ];

    public static TheoryData<string> Names => new(All.Select(p => p.Name));

    private static async Task LookUpAsync(IPage page, HostileCase hostile)
    {
        await page.GetByLabel("受理编号").FillAsync(hostile.ReceiptNumber);
        await page.GetByLabel("查询密码").FillAsync(hostile.LookupSecret);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
