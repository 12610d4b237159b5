using System.Net;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Startup;

[Collection(HostDatabase.Name)]
public sealed class HealthEndpointTests(HostDatabaseFixture fixture)
{
    [Fact]
    public async Task Healthz_Returns200_WhenProcessIsUp()
    {
        await using var factory = new ServiceWindowFactory(fixture.ConnectionString);

        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_Returns200_WhenDatabaseIsMigrated()
    {
        await using var factory = new ServiceWindowFactory(fixture.ConnectionString);

        var response = await factory.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Readyz_Returns503_WhenMigrationsArePending()
    {
        await using var empty = await TestDatabase.CreateEmptyAsync("host_tests_unmigrated");
        await using var factory = new ServiceWindowFactory(empty.ConnectionString);

        var response = await factory.CreateClient().GetAsync("/readyz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
