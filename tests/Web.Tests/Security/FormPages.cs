using Microsoft.Playwright;

namespace ServiceWindow.Web.Tests.Security;

/// Every page with a form that posts. <see cref="AntiforgeryTests"/> posts each of its forms without
/// the antiforgery token; a new page with a form adds its line here.
public static class FormPages
{
    public static readonly IReadOnlyList<FormPage> All =
    [
        // Sign-in and the language switch.
        new("signin", "/"),
        // Sign-out and the language switch, signed in with the cookie.
        new("queue", "/queue", CookieSignIn: true),
        new("lookup", "/lookup"),
        // The rating form shows once a completed case was found.
        new("lookup-rating", "/lookup", Reach: FindCompletedAsync),
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
