using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ServiceWindow.Host.Tests;

/// The real web app, in memory, against a test database. The scheduler is off unless a test turns
/// it on; a test may replace the clock.
public sealed class ServiceWindowFactory(
    string connectionString,
    IReadOnlyDictionary<string, string>? settings = null,
    TimeProvider? clock = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting, unlike ConfigureAppConfiguration, is visible while Program composes services.
        builder.UseSetting("ConnectionStrings:ServiceWindow", connectionString);
        builder.UseSetting("ServiceWindow:MigrateOnStart", "false");
        builder.UseSetting("ServiceWindow:Scheduler:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
        if (clock is not null)
        {
            builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton(clock)));
        }
    }
}
