using Dapper;
using Npgsql;
using ServiceWindow.Bench.Store;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.Migrations;

namespace ServiceWindow.Bench.Statistics;

/// The database of the statistics-at-scale benchmark. Unlike the store benchmarks' it is kept
/// between runs, so a generation that was stopped goes on where it was; `stats-scale drop` removes it.
internal static class ScaleDatabase
{
    public const string Name = "servicewindow_bench_scale";

    public static async Task<NpgsqlDataSource> OpenAsync()
    {
        var server = new NpgsqlConnectionStringBuilder(BenchDatabase.ServerConnectionString);
        await using (var admin = new NpgsqlConnection(server.ConnectionString))
        {
            if (!await admin.ExecuteScalarAsync<bool>("select exists (select 1 from pg_database where datname = @Name)", new { Name }))
            {
                await admin.ExecuteAsync($"""create database "{Name}" """);
            }
        }
        server.Database = Name;
        server.MaxPoolSize = 50;
        server.CommandTimeout = 0;
        var dataSource = Database.CreateDataSource(server.ConnectionString);
        await new MigrationRunner(dataSource).MigrateAsync();
        return dataSource;
    }

    /// With the password and without statement preparation, for utility statements.
    public static string ConnectionString() =>
        new NpgsqlConnectionStringBuilder(BenchDatabase.ServerConnectionString) { Database = Name, CommandTimeout = 0 }.ConnectionString;

    public static async Task DropAsync()
    {
        await using var admin = new NpgsqlConnection(BenchDatabase.ServerConnectionString);
        await admin.ExecuteAsync($"""drop database if exists "{Name}" with (force)""");
    }
}
