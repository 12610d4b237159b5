namespace ServiceWindow.Web.Tests.Security;

[Collection(SecurityCollection.Name)]
public sealed class EscapingTests(SecurityFixture web) : IAsyncLifetime
{
    private HostileCase hostile = null!;

    public static TheoryData<string> Pages => HostilePages.Names;

    public async Task InitializeAsync() => hostile = await HostileOffice.SeedAsync(web);

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_ShowsScriptAsText_WhenTypedTextHoldsOne(string name)
    {
        var target = HostilePages.All.Single(p => p.Name == name);
        await using var page = await web.OpenAsync("hostile-" + name, null, target.Staff, target.Roles);
        var dialogs = new List<string>();
        page.Page.Dialog += (_, dialog) =>
        {
            lock (dialogs)
            {
                dialogs.Add(dialog.Message);
            }
            _ = dialog.DismissAsync();
        };

        var response = await page.GotoAsync(target.Path(hostile));
        if (target.Reach is { } reach)
        {
            await reach(page.Page, hostile);
        }

        Assert.Equal(200, response.Status);
        // Shown as the characters typed...
        Assert.Contains(HostileText.Script, await page.Page.Locator("body").InnerTextAsync());
        // ...and never turned into an element.
        Assert.Equal(0, await page.Page.EvaluateAsync<int>(
            "() => [...document.querySelectorAll('script')].filter(s => s.textContent.includes('alert(1)')).length"));
        await page.ScreenshotAsync();
        Assert.Empty(dialogs);
        Assert.Empty(page.Problems);
    }
}
