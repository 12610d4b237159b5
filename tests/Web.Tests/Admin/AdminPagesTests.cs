using System.Text;
using Microsoft.Playwright;

namespace ServiceWindow.Web.Tests.Admin;

/// The admin pages in a browser, on a host of their own (see <see cref="AdminWebFixture"/>). The
/// calendar test changes that host's calendar, so it is one test walking the whole upload.
public sealed class AdminPagesTests(AdminWebFixture web) : IClassFixture<AdminWebFixture>
{
    // Made-up 2027 holidays, in the holiday-cn layout the office downloads.
    private const string Holidays2027 =
        """
        {"year": 2027, "papers": ["(made-up test data)"], "days": [
          {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
          {"name": "元旦", "date": "2027-01-02", "isOffDay": true},
          {"name": "元旦", "date": "2027-01-03", "isOffDay": true}
        ]}
        """;

    [Fact]
    public async Task CalendarUpload_RemovesTheWarning_WhenTheAdminLoadsNextYear()
    {
        await using var clerk = await web.OpenAsync("admin-warning-queue", "wang.fang", "clerk", "handler");
        await clerk.GotoAsync("/queue");
        Assert.Equal("2027", await clerk.Page.Locator("[data-calendar-warning]").GetAttributeAsync("data-calendar-warning"));
        Assert.Equal(0, await clerk.Page.Locator("[data-calendar-warning] a[href='/admin/calendars']").CountAsync());
        await clerk.AssertHealthyAsync();

        await using var admin = await web.OpenAsync("admin-calendars", "admin", "admin");
        await admin.GotoAsync("/admin/calendars");
        Assert.Equal(1, await admin.Page.Locator("[data-calendar-warning] a[href='/admin/calendars']").CountAsync());
        Assert.Equal(["2024", "2025", "2026"], await admin.Page.Locator("[data-calendar-years] tbody tr td:first-child").AllInnerTextsAsync());
        await admin.AssertHealthyAsync();

        await admin.Page.Locator("#calendar-file").SetInputFilesAsync(new FilePayload
        {
            Name = "holiday-cn-2027.json",
            MimeType = "application/json",
            Buffer = Encoding.UTF8.GetBytes(Holidays2027),
        });
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "校验并载入" }).ClickAsync();
        await admin.Page.Locator("[data-upload-done]").WaitForAsync();

        Assert.Contains("2027: added", await admin.Page.Locator("[data-upload-done]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await admin.Page.Locator("[data-calendar-warning]").CountAsync());
        Assert.Equal("3", await admin.Page.Locator("[data-calendar-years] tr[data-year='2027'] td:nth-child(2)").InnerTextAsync());
        await admin.AssertHealthyAsync();
        await clerk.GotoAsync("/queue");
        Assert.Equal(0, await clerk.Page.Locator("[data-calendar-warning]").CountAsync());
        Assert.Contains("\"year\": 2027", await File.ReadAllTextAsync(Path.Combine(web.Workflows, "calendars", "cn-mainland.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarUpload_SaysWhy_WhenTheFileIsRefused()
    {
        await using var admin = await web.OpenAsync("admin-calendars-refused", "admin", "admin");
        await admin.GotoAsync("/admin/calendars");

        await admin.Page.Locator("#calendar-file").SetInputFilesAsync(new FilePayload
        {
            Name = "holiday-cn-2029.json",
            MimeType = "application/json",
            Buffer = Encoding.UTF8.GetBytes(Holidays2027.Replace("2027", "2029", StringComparison.Ordinal)),
        });
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "校验并载入" }).ClickAsync();
        await admin.Page.Locator("[data-upload-refused]").WaitForAsync();

        Assert.Contains("does not follow the covered years", await admin.Page.Locator("[data-upload-refused]").InnerTextAsync(), StringComparison.Ordinal);
        await admin.AssertHealthyAsync();
    }

    [Fact]
    public async Task Users_AddsAnAccount_AndDisablesIt()
    {
        await using var admin = await web.OpenAsync("admin-users", "admin", "admin");
        await admin.GotoAsync("/admin/users");
        await admin.AssertHealthyAsync();

        await admin.Page.Locator("#user-login").FillAsync("qian.hui");
        await admin.Page.Locator("#user-name").FillAsync("钱慧");
        await admin.Page.Locator("#role-clerk").CheckAsync();
        await admin.Page.Locator("#user-window").FillAsync("marriage-2");
        await admin.Page.Locator("#user-password").FillAsync("window-two-2026");
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "保存账号" }).ClickAsync();
        await admin.Page.Locator("[data-outcome='Users.Added']").WaitForAsync();
        Assert.Equal("active", await admin.Page.Locator("tr[data-login='qian.hui']").GetAttributeAsync("data-state"));

        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "停用 qian.hui" }).ClickAsync();
        await admin.Page.Locator("[data-outcome='Users.Disabled']").WaitForAsync();
        Assert.Equal("disabled", await admin.Page.Locator("tr[data-login='qian.hui']").GetAttributeAsync("data-state"));
        await admin.AssertHealthyAsync();
    }

    [Fact]
    public async Task Index_LinksEveryAdminPageAndTheJobs()
    {
        await using var admin = await web.OpenAsync("admin-index", "admin", "admin");
        await admin.GotoAsync("/admin");

        Assert.Equal(["/admin/catalogue", "/admin/definitions", "/admin/calendars", "/admin/users", "/jobs"],
            await admin.Page.Locator(".admin-links a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        await admin.AssertHealthyAsync();
    }

    [Fact]
    public async Task Definitions_ValidatesThenPublishesANewVersion_ThatNewCasesStartOn()
    {
        var version2 = File.ReadAllText(Path.Combine(web.Workflows, "temporary-assistance.json"))
            .Replace("\"version\": 1,", "\"version\": 2,", StringComparison.Ordinal);
        await using var admin = await web.OpenAsync("admin-definitions-publish", "admin", "admin");
        await admin.GotoAsync("/admin/definitions");

        await admin.Page.Locator("#definition-file").SetInputFilesAsync(Payload("broken.json", "{\n  \"colour\": 1,\n" + version2[2..]));
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "校验" }).ClickAsync();
        await admin.Page.Locator("[data-outcome='Definitions.Invalid']").WaitForAsync();
        Assert.Contains("第 2 行 $.colour", await admin.Page.Locator("[data-problems]").InnerTextAsync(), StringComparison.Ordinal);
        await admin.AssertHealthyAsync();

        await admin.Page.Locator("#definition-file").SetInputFilesAsync(Payload("temporary-assistance.json", version2));
        await admin.Page.GetByRole(AriaRole.Button, new() { Name = "发布" }).ClickAsync();
        await admin.Page.Locator("[data-outcome='Definitions.Published']").WaitForAsync();

        var row = admin.Page.Locator("table.list tbody tr", new() { HasText = "temporary-assistance" });
        Assert.Equal("2", await row.Locator("td:nth-child(3)").InnerTextAsync());
        await admin.AssertHealthyAsync();
    }

    [Fact]
    public async Task Catalogue_ShowsEachItemsLimits_WithTheStatutoryLimitCoveringThePromise()
    {
        await using var admin = await web.OpenAsync("admin-catalogue", "admin", "admin");
        await admin.GotoAsync("/admin/catalogue");

        // Six items a citizen applies for; the office's own workflows (inquiries, complaints, rectification) are not listed.
        Assert.Equal(6, await admin.Page.Locator("[data-catalogue] tbody tr").CountAsync());
        var assistance = admin.Page.Locator("tr[data-item='temporary-assistance']");
        Assert.Equal("15wd", await assistance.Locator("td:nth-child(4)").InnerTextAsync());
        Assert.Equal("10wd", await assistance.Locator("td:nth-child(5)").InnerTextAsync());
        Assert.Equal(0, await admin.Page.Locator("[data-catalogue] tr[data-covered='false']").CountAsync());
        await admin.AssertHealthyAsync();
    }

    private static FilePayload Payload(string name, string text) =>
        new() { Name = name, MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(text) };
}
