using Xunit;

namespace ServiceWindow.Testing;

/// One migrated database per test project, shared by its database test classes through an xunit
/// collection fixture. The database is named after the project so projects can run side by side.
public abstract class DatabaseFixture(string databaseName) : IAsyncLifetime
{
    private TestDatabase? database;

    public TestDatabase Database => database ?? throw new InvalidOperationException("fixture not initialised");

    public async Task InitializeAsync() => database = await TestDatabase.CreateMigratedAsync(databaseName);

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
