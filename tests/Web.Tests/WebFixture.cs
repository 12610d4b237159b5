using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Npgsql;
using ServiceWindow.Host.Demo;
using ServiceWindow.Testing;

namespace ServiceWindow.Web.Tests;

/// One migrated test database, the host on Kestrel over it and one headless Debian chromium,
/// shared by every browser test. Each test gets a fresh browser context from <see cref="OpenAsync"/>.
public class WebFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly string databaseName;
    private readonly IReadOnlyDictionary<string, string>? settings;

    private TestDatabase? database;
    private KestrelServiceWindowFactory? factory;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public NpgsqlDataSource DataSource => Database.DataSource;

    public Uri BaseAddress => Factory.BaseAddress;

    public IServiceProvider Services => Factory.Services;

    public WebFixture()
        : this("web_tests", null)
    {
    }

    /// A fixture of its own: another database, and host settings of its own (another workflows folder).
    protected WebFixture(string databaseName, IReadOnlyDictionary<string, string>? settings)
    {
        this.databaseName = databaseName;
        this.settings = settings;
    }

    private TestDatabase Database => database ?? throw new InvalidOperationException("fixture not initialised");

    private KestrelServiceWindowFactory Factory => factory ?? throw new InvalidOperationException("fixture not initialised");

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync(databaseName);
        factory = new KestrelServiceWindowFactory(database.ConnectionString, settings);
        factory.StartServer();
        // The browser is Debian's: a test run never downloads one.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu"],
        });
    }

    /// Empties the database and loads the demo office (departments, windows, staff), on the system clock.
    public async Task ResetAsync()
    {
        Factory.Clock.UseSystem();
        await Database.ResetAsync();
        await DemoOrganisation.LoadAsync(DataSource);
    }

    /// A new browser page at the counter screen's size (or <paramref name="viewport"/>), signed in
    /// as <paramref name="staff"/> with <paramref name="roles"/> when given.
    public Task<BrowserPage> OpenAsync(string name, ViewportSize? viewport = null, string? staff = null, params string[] roles) =>
        OpenAsync(name, viewport, staff, roles, []);

    private async Task<BrowserPage> OpenAsync(string name, ViewportSize? viewport, string? staff, string[] roles, Dictionary<string, string> headers)
    {
        if (staff is not null)
        {
            headers[TestAuthenticationHandler.StaffHeader] = staff;
            headers[TestAuthenticationHandler.RolesHeader] = string.Join(",", roles);
        }
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = viewport ?? BrowserPage.CounterScreen,
            Locale = "zh-CN",
            TimezoneId = "Asia/Shanghai",
            ExtraHTTPHeaders = headers,
        });
        return await BrowserPage.CreateAsync(name, context);
    }

    /// Puts the host on a fake clock starting at <paramref name="start"/> until the next reset.
    public FakeTimeProvider UseFakeClock(DateTimeOffset start) => Factory.Clock.Use(start);

    /// Like <see cref="OpenAsync"/>, with the department claim a section chief's sign-in carries.
    public Task<BrowserPage> OpenInDepartmentAsync(string name, string staff, string department, params string[] roles) =>
        OpenAsync(name, null, staff, [.. roles], new Dictionary<string, string> { [TestAuthenticationHandler.DepartmentHeader] = department });

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public virtual async Task DisposeAsync()
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
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "web";
}
