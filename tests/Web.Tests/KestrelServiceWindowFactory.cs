using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ServiceWindow.Web.Tests;

/// The real web app served by Kestrel on a free loopback port, so a browser can reach it, against
/// the test database. Sign-in is replaced by <see cref="TestAuthenticationHandler"/>.
public sealed class KestrelServiceWindowFactory : WebApplicationFactory<Program>
{
    private readonly string connectionString;
    private readonly IReadOnlyDictionary<string, string> settings;
    private readonly TimeProvider? clock;

    /// <paramref name="settings"/> and <paramref name="clock"/> for a host of its own, e.g. on a scratch workflows folder.
    public KestrelServiceWindowFactory(string connectionString, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? clock = null)
    {
        this.connectionString = connectionString;
        this.settings = settings ?? new Dictionary<string, string>();
        this.clock = clock;
        UseKestrel(0);
    }

    public Uri BaseAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:ServiceWindow", connectionString);
        builder.UseSetting("ServiceWindow:MigrateOnStart", "false");
        builder.UseSetting("ServiceWindow:Scheduler:Enabled", "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestAuthenticationHandler>(TestAuthenticationHandler.SchemeName, null);
            services.PostConfigure<AuthenticationOptions>(options =>
            {
                options.DefaultScheme = TestAuthenticationHandler.SchemeName;
                options.DefaultAuthenticateScheme = TestAuthenticationHandler.SchemeName;
                options.DefaultChallengeScheme = TestAuthenticationHandler.SchemeName;
                options.DefaultForbidScheme = TestAuthenticationHandler.SchemeName;
            });
        });
    }
}
