using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Migrations;

namespace ServiceWindow.Persistence.Tests.Store;

/// The migrated database the store tests share, on the cluster scripts/test starts; emptied
/// before each test. Its own database name, so it can run beside other test projects.
public sealed class StoreDatabase : IAsyncLifetime
{
    public const string Variable = "SERVICEWINDOW_TEST_DB";
    private const string Name = "store_tests";

    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run the database tests through scripts/test"));
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.ExecuteAsync($"""drop database if exists "{Name}" with (force)""");
            await admin.ExecuteAsync($"""create database "{Name}" """);
        }
        server.Database = Name;
        ConnectionString = server.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        await new MigrationRunner(DataSource).MigrateAsync();
    }

    /// A data source of its own, named so a test can find (and kill) its connections.
    public NpgsqlDataSource CreateDataSource(string applicationName) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(ConnectionString) { ApplicationName = applicationName }.ConnectionString);

    public async Task ResetAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var tables = (await connection.QueryAsync<string>(
            """
            select format('%I.%I', schemaname, tablename) from pg_tables
            where schemaname = 'public' and tablename <> 'schema_migrations'
            """)).ToList();
        await connection.ExecuteAsync($"truncate table {string.Join(", ", tables)} restart identity cascade");
    }

    public async Task DisposeAsync() => await DataSource.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class StoreDatabaseCollection : ICollectionFixture<StoreDatabase>
{
    public const string Name = "store database";
}
