using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace ServiceWindow.Host.Tests;

/// The real web app, in memory, against a test database.
public sealed class ServiceWindowFactory(string connectionString) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(
        [
            new("ConnectionStrings:ServiceWindow", connectionString),
            new("ServiceWindow:MigrateOnStart", "false"),
        ]));
    }
}
