using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ServiceWindow.Host.Tests;

/// The real web app, in memory, against a test database.
public sealed class ServiceWindowFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // UseSetting, unlike ConfigureAppConfiguration, is visible while Program composes services.
        builder.UseSetting("ConnectionStrings:ServiceWindow", connectionString);
        builder.UseSetting("ServiceWindow:MigrateOnStart", "false");
        builder.UseSetting("ServiceWindow:Scheduler:Enabled", "false");
    }
}
