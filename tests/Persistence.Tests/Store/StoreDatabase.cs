using ServiceWindow.Testing;

namespace ServiceWindow.Persistence.Tests.Store;

/// The migrated database the store tests share, on the cluster scripts/test starts.
public sealed class StoreDatabase() : DatabaseFixture("store_tests");

[CollectionDefinition(Name)]
public sealed class StoreDatabaseCollection : ICollectionFixture<StoreDatabase>
{
    public const string Name = "store database";
}
