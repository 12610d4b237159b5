using Dapper;
using Microsoft.Extensions.Configuration;
using ServiceWindow.Host.Cli;
using ServiceWindow.Host.Demo;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Demo;

[Collection(HostDatabase.Name)]
public sealed class DemoLoadCommandTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    [Fact]
    public async Task RunAsync_LoadsOrganisationOnce_WhenRunTwice()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:ServiceWindow", fixture.ConnectionString)])
            .Build();
        var context = new CliContext(configuration, new StringWriter(), new StringWriter());

        Assert.Equal(0, await DemoLoadCommand.RunAsync(context, CancellationToken.None));
        Assert.Equal(0, await DemoLoadCommand.RunAsync(context, CancellationToken.None));

        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        Assert.Equal(4, await connection.ExecuteScalarAsync<int>("select count(*) from windows"));
        var leaders = await connection.QueryAsync<string>("select staff_id from staff_roles where role = 'leader'");
        Assert.Equal(["sun.min"], leaders);
    }
}
