using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests;

public sealed class HostDatabaseFixture() : DatabaseFixture("host_tests");

[CollectionDefinition(Name)]
public sealed class HostDatabase : ICollectionFixture<HostDatabaseFixture>
{
    public const string Name = "host database";
}
