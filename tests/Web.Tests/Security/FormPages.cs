using Microsoft.Playwright;

namespace ServiceWindow.Web.Tests.Security;

/// Every page with a form that posts. <see cref="AntiforgeryTests"/> posts each of its forms without
/// the antiforgery token; a new page with a form adds its line here. Each account signs in with
/// <see cref="HostileOffice.Password"/>.
public static class FormPages
{
    public static readonly IReadOnlyList<FormPage> All =
    [
        // Sign-in and the language switch.
        new("signin", _ => "/"),
        // Sign-out and the language switch, signed in with the cookie.
        new("queue", _ => "/queue", HostileOffice.Clerk),
        new("lookup", _ => "/lookup"),
        // The rating form shows once a completed case was found.
        new("lookup-rating", _ => "/lookup", Reach: FindCompletedAsync),
        // Intake and inquiry.
        new("desk", _ => "/desk", HostileOffice.Clerk),
        // One form per action the handler may take in the investigation.
        new("case", c => $"/cases/{c.PendingExtensionId}", HostileOffice.Clerk),
        // The leader's approval of the pending extension.
        new("case-leader", c => $"/cases/{c.PendingExtensionId}", "sun.min"),
        new("board-leader", _ => "/board", "sun.min"),
        // Confirming or dismissing the stated finding.
        new("board-efficiency-office", _ => "/board", "zhou.qiang"),
        new("admin-calendars", _ => "/admin/calendars", "admin"),
        // Adding a user, and disabling each one listed.
        new("admin-users", _ => "/admin/users", "admin"),
        // Validating and publishing a definition.
        new("admin-definitions", _ => "/admin/definitions", "admin"),
    ];

    public static TheoryData<string> Names => new(All.Select(p => p.Name));

    private static async Task FindCompletedAsync(IPage page, HostileCase completed)
    {
        await page.GetByLabel("受理编号").FillAsync(completed.ReceiptNumber);
        await page.GetByLabel("查询密码").FillAsync(completed.LookupSecret);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }
}
