using ServiceWindow.Host.Demo;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests;

public sealed class HostDatabaseFixture() : DatabaseFixture("host_tests")
{
    public Task LoadDemoOrganisationAsync() => DemoOrganisation.LoadAsync(DataSource);
}

[CollectionDefinition(Name)]
public sealed class HostDatabase : ICollectionFixture<HostDatabaseFixture>
{
    public const string Name = "host database";
}
