using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Migrations;

namespace ServiceWindow.Testing;

/// A real PostgreSQL database for one test project, on the throw-away cluster scripts/test starts.
/// Created fresh per run, migrated with the production migrations, and reset between tests.
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Variable = "SERVICEWINDOW_TEST_DB";

    private TestDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }
    public NpgsqlDataSource DataSource { get; }

    /// The cluster's base connection string; tests that need a database fail with a clear message without it.
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{Variable} is not set: run the database tests through scripts/test");

    /// Creates (or recreates) the database <paramref name="name"/>, empty and unmigrated.
    public static async Task<TestDatabase> CreateEmptyAsync(string name)
    {
        var server = new NpgsqlConnectionStringBuilder(ServerConnectionString);
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.ExecuteAsync($"""drop database if exists "{name}" with (force)""");
            await admin.ExecuteAsync($"""create database "{name}" """);
        }
        server.Database = name;
        return new TestDatabase(server.ConnectionString);
    }

    /// Creates the database and applies the production migrations.
    public static async Task<TestDatabase> CreateMigratedAsync(string name)
    {
        var database = await CreateEmptyAsync(name);
        await new MigrationRunner(database.DataSource).MigrateAsync();
        return database;
    }

    /// Empties every application table; the migrations stay recorded.
    public async Task ResetAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        var tables = (await connection.QueryAsync<string>(
            """
            select format('%I.%I', schemaname, tablename)
            from pg_tables
            where schemaname = 'public' and tablename <> 'schema_migrations'
            """)).ToList();
        if (tables.Count > 0)
        {
            await connection.ExecuteAsync($"truncate table {string.Join(", ", tables)} restart identity cascade");
        }
    }

    public async ValueTask DisposeAsync() => await DataSource.DisposeAsync();
}
