using Npgsql;
using Xunit;

namespace ServiceWindow.Testing;

/// One migrated database per test project, shared by its database test classes through an xunit
/// collection fixture and emptied by each test that needs it clean. The database is named after
/// the project so projects can run side by side.
public abstract class DatabaseFixture(string databaseName) : IAsyncLifetime
{
    private TestDatabase? database;

    private TestDatabase Database => database ?? throw new InvalidOperationException("fixture not initialised");

    public NpgsqlDataSource DataSource => Database.DataSource;

    public string ConnectionString => Database.ConnectionString;

    /// A data source of its own, named so a test can find (and kill) its connections.
    public NpgsqlDataSource CreateDataSource(string applicationName) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = applicationName }.ConnectionString);

    public Task ResetAsync() => Database.ResetAsync();

    public async Task InitializeAsync() => database = await TestDatabase.CreateMigratedAsync(databaseName);

    public async Task DisposeAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }
}
