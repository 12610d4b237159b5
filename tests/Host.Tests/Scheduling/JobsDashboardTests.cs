using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ServiceWindow.Host.Scheduling;

namespace ServiceWindow.Host.Tests.Scheduling;

[Collection(HostDatabase.Name)]
public sealed partial class JobsDashboardTests(HostDatabaseFixture fixture) : IAsyncLifetime
{
    private const string RolesHeader = "X-Test-Roles";
    private const string TriggerButton = "recurring/trigger";

    public async Task InitializeAsync() => await JobServerSettings.DropHangfireSchemaAsync(fixture.DataSource);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Dashboard_Returns200WithTriggerButtons_WhenUserIsAdmin()
    {
        await using var factory = SignedIn();
        RegisterMonthlyClose(factory);

        var page = await Get(factory, "/jobs/recurring", "admin");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(TriggerButton, await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Trigger_EnqueuesTheJob_WhenUserIsAdmin()
    {
        await using var factory = SignedIn();
        RegisterMonthlyClose(factory);

        var response = await Trigger(factory, "admin");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.NotNull(MonthlyClose(factory).LastJobId);
    }

    [Fact]
    public async Task Dashboard_Returns200WithoutTriggerButtons_WhenUserIsEfficiencyOffice()
    {
        await using var factory = SignedIn();
        RegisterMonthlyClose(factory);

        var page = await Get(factory, "/jobs/recurring", "efficiency_office");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(MonthlyCloseJob.Id, html);
        Assert.DoesNotContain(TriggerButton, html);
    }

    [Fact]
    public async Task Trigger_IsRefusedAndEnqueuesNothing_WhenUserIsEfficiencyOffice()
    {
        await using var factory = SignedIn();
        RegisterMonthlyClose(factory);

        var response = await Trigger(factory, "efficiency_office");

        Assert.False(response.IsSuccessStatusCode, $"{(int)response.StatusCode}");
        Assert.Null(MonthlyClose(factory).LastJobId);
    }

    [Theory]
    [InlineData("clerk")]
    [InlineData("handler,section_chief,leader")]
    public async Task Dashboard_Returns403_WhenUserHoldsNeitherRole(string roles)
    {
        await using var factory = SignedIn();

        var page = await Get(factory, "/jobs", roles);

        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Fact]
    public async Task Dashboard_Returns401_WhenNobodyIsSignedIn()
    {
        await using var factory = SignedIn();

        var page = await Get(factory, "/jobs", roles: null);

        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
    }

    [Fact]
    public async Task Dashboard_IsRefused_WhenRequestIsNotLoopbackAndNoSignInExists()
    {
        await using var factory = WithoutSignIn(IPAddress.Parse("192.0.2.7"));

        var page = await Get(factory, "/jobs", roles: null);

        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
    }

    [Fact]
    public async Task Dashboard_IsRefused_WhenLoopbackRequestCameThroughAProxyAndNoSignInExists()
    {
        await using var factory = WithoutSignIn(IPAddress.Loopback);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/jobs");
        request.Headers.Add("X-Forwarded-For", "198.51.100.4");

        var page = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, page.StatusCode);
    }

    [Fact]
    public async Task Dashboard_ReadsOnly_WhenRequestIsLoopbackAndNoSignInExists()
    {
        await using var factory = WithoutSignIn(IPAddress.Loopback);
        RegisterMonthlyClose(factory);

        var page = await Get(factory, "/jobs/recurring", roles: null);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(TriggerButton, await page.Content.ReadAsStringAsync());
    }

    private WebApplicationFactory<Program> SignedIn() =>
        new ServiceWindowFactory(fixture.ConnectionString).WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddAuthentication(RoleHeaderAuthentication.Name)
                .AddScheme<AuthenticationSchemeOptions, RoleHeaderAuthentication>(RoleHeaderAuthentication.Name, _ => { })));

    private WebApplicationFactory<Program> WithoutSignIn(IPAddress remote) =>
        new ServiceWindowFactory(fixture.ConnectionString).WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IStartupFilter>(new RemoteAddress(remote))));

    private static void RegisterMonthlyClose(WebApplicationFactory<Program> factory) =>
        factory.Services.GetRequiredService<IRecurringJobManager>().AddOrUpdate<MonthlyCloseJob>(
            MonthlyCloseJob.Id, job => job.RunAsync(CancellationToken.None), MonthlyCloseJob.Cron);

    private static RecurringJobDto MonthlyClose(WebApplicationFactory<Program> factory)
    {
        using var connection = factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs([MonthlyCloseJob.Id]).Single();
    }

    private static async Task<HttpResponseMessage> Get(WebApplicationFactory<Program> factory, string path, string? roles)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (roles is not null)
        {
            request.Headers.Add(RolesHeader, roles);
        }
        return await factory.CreateClient().SendAsync(request);
    }

    // As the dashboard's own button does: the antiforgery token from the page, when the host has one.
    private static async Task<HttpResponseMessage> Trigger(WebApplicationFactory<Program> factory, string roles)
    {
        var client = factory.CreateClient();
        using var pageRequest = new HttpRequestMessage(HttpMethod.Get, "/jobs/recurring");
        pageRequest.Headers.Add(RolesHeader, roles);
        var html = await (await client.SendAsync(pageRequest)).Content.ReadAsStringAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/jobs/recurring/trigger")
        {
            Content = new FormUrlEncodedContent([new("jobs[]", MonthlyCloseJob.Id)]),
        };
        request.Headers.Add(RolesHeader, roles);
        if (AntiforgeryHeader().Match(html) is { Success: true } header && AntiforgeryToken().Match(html) is { Success: true } token)
        {
            request.Headers.Add(header.Groups[1].Value, WebUtility.HtmlDecode(token.Groups[1].Value));
        }
        return await client.SendAsync(request);
    }

    [GeneratedRegex("data-antiforgery-header=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryHeader();

    [GeneratedRegex("data-antiforgery-token=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    /// Signs in whoever sends the roles header, with the claims the sign-in issues: the staff id as
    /// NameIdentifier and one Role claim per role. Without the header nobody is signed in.
    private sealed class RoleHeaderAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Name = "test";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(RolesHeader, out var roles))
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }
            var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, "test.staff") };
            claims.AddRange(roles.ToString().Split(',').Select(role => new Claim(ClaimTypes.Role, role)));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Name));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Name)));
        }
    }

    /// TestServer leaves the peer address empty; this sets it, as Kestrel would.
    private sealed class RemoteAddress(IPAddress address) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = address;
                return following(context);
            });
            next(app);
        };
    }
}
