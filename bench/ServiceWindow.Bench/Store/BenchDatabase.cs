using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.Migrations;

namespace ServiceWindow.Bench.Store;

/// A fresh, migrated database for the store benchmarks on the server named by
/// SERVICEWINDOW_BENCH_DB (or SERVICEWINDOW_DB); scripts/bench starts a throw-away one.
public static class BenchDatabase
{
    public const string Name = "servicewindow_bench_store";

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("SERVICEWINDOW_BENCH_DB") is { Length: > 0 } bench ? bench
        : Environment.GetEnvironmentVariable("SERVICEWINDOW_DB") is { Length: > 0 } app ? app
        : throw new InvalidOperationException("set SERVICEWINDOW_BENCH_DB or SERVICEWINDOW_DB (scripts/bench does)");

    public static async Task<NpgsqlDataSource> CreateAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(ServerConnectionString);
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            await admin.ExecuteAsync($"""drop database if exists "{Name}" with (force)""");
            await admin.ExecuteAsync($"""create database "{Name}" """);
        }
        server.Database = Name;
        server.MaxPoolSize = 50;
        // The application's own data source settings (statement preparation, no reset on close).
        var dataSource = Database.CreateDataSource(server.ConnectionString);
        await new MigrationRunner(dataSource).MigrateAsync();
        return dataSource;
    }

    /// With the password, which a data source's own connection string no longer carries.
    public static string ConnectionString() =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = Name }.ConnectionString;

    public static async Task ResetAsync(NpgsqlDataSource dataSource)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var tables = (await connection.QueryAsync<string>(
            """
            select format('%I.%I', schemaname, tablename) from pg_tables
            where schemaname = 'public' and tablename <> 'schema_migrations'
            """)).ToList();
        await connection.ExecuteAsync($"truncate table {string.Join(", ", tables)} restart identity cascade");
        await connection.ExecuteAsync("vacuum analyze");
    }
}
