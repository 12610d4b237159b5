using ServiceWindow.Testing;

namespace ServiceWindow.Persistence.Tests;

public sealed class PersistenceDatabaseFixture() : DatabaseFixture("persistence_tests");

[CollectionDefinition(Name)]
public sealed class PersistenceDatabase : ICollectionFixture<PersistenceDatabaseFixture>
{
    public const string Name = "persistence database";
}
