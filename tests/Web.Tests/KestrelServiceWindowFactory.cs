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

    public KestrelServiceWindowFactory(string connectionString)
    {
        this.connectionString = connectionString;
        UseKestrel(0);
    }

    /// The clock every service of the host reads.
    public TestClock Clock { get; } = new();

    public Uri BaseAddress =>
        new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:ServiceWindow", connectionString);
        builder.UseSetting("ServiceWindow:MigrateOnStart", "false");
        builder.UseSetting("ServiceWindow:Scheduler:Enabled", "false");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
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
