using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Host.Demo;
using ServiceWindow.Testing;

namespace ServiceWindow.Web.Tests.Admin;

/// A host of its own for the admin pages, which change the calendar and the definitions: its own
/// database, a scratch copy of the workflows folder, and a clock standing on 20 November 2026, so
/// next year's calendar is due and missing. The shared web host never sees these changes.
public sealed class AdminWebFixture : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8));

    private TestDatabase? database;
    private KestrelServiceWindowFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public string Workflows { get; } = Directory.CreateTempSubdirectory("servicewindow-admin-web-").FullName;

    public Uri BaseAddress => factory!.BaseAddress;

    public async Task InitializeAsync()
    {
        var shipped = HostConfiguration.WorkflowsPath(new ConfigurationBuilder().Build());
        foreach (var file in Directory.GetFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(Workflows, Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        database = await TestDatabase.CreateMigratedAsync("web_admin_tests");
        await DemoOrganisation.LoadAsync(database.DataSource);
        factory = new KestrelServiceWindowFactory(database.ConnectionString,
            new Dictionary<string, string> { ["ServiceWindow:WorkflowsPath"] = Workflows });
        factory.Clock.Use(Now);
        factory.StartServer();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = WebFixture.Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu"],
        });
    }

    public async Task<BrowserPage> OpenAsync(string name, string staff, params string[] roles)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = BrowserPage.CounterScreen,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ExtraHTTPHeaders = new Dictionary<string, string>
            {
                [TestAuthenticationHandler.StaffHeader] = staff,
                [TestAuthenticationHandler.RolesHeader] = string.Join(",", roles),
            },
        });
        return await BrowserPage.CreateAsync(name, context);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
        if (database is not null)
        {
            await database.DisposeAsync();
        }
        Directory.Delete(Workflows, recursive: true);
    }
}
