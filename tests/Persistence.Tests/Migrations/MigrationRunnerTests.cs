using Dapper;
using ServiceWindow.Persistence.Migrations;
using ServiceWindow.Testing;

namespace ServiceWindow.Persistence.Tests.Migrations;

public sealed class MigrationRunnerTests
{
    // A plain `create table` fails if it runs twice, so applying once is observable.
    private static readonly Migration First = new("0001_first.sql", "create table first_table (id int primary key);");
    private static readonly Migration Second = new("0002_second.sql", "create table second_table (id int primary key); select pg_sleep(0.2);");

    [Fact]
    public async Task MigrateAsync_AppliesEachMigrationOnce_WhenTwoRunnersStartTogether()
    {
        await using var database = await TestDatabase.CreateEmptyAsync("migrations_concurrent");
        await using var otherSource = Npgsql.NpgsqlDataSource.Create(database.ConnectionString);
        var migrations = new[] { First, Second };

        var results = await Task.WhenAll(
            Task.Run(() => new MigrationRunner(database.DataSource, migrations).MigrateAsync()),
            Task.Run(() => new MigrationRunner(otherSource, migrations).MigrateAsync()));

        Assert.Equal(["0001_first.sql", "0002_second.sql"], results.SelectMany(r => r).Order());
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var recorded = await connection.QueryAsync<string>("select name from schema_migrations order by name");
        Assert.Equal(["0001_first.sql", "0002_second.sql"], recorded);
    }

    [Fact]
    public async Task MigrateAsync_AppliesOnlyNewMigrations_WhenRunAgain()
    {
        await using var database = await TestDatabase.CreateEmptyAsync("migrations_incremental");
        await new MigrationRunner(database.DataSource, [First]).MigrateAsync();

        var applied = await new MigrationRunner(database.DataSource, [First, Second]).MigrateAsync();

        Assert.Equal(["0002_second.sql"], applied);
    }

    [Fact]
    public async Task MigrateAsync_Refuses_WhenAnAppliedMigrationWasEdited()
    {
        await using var database = await TestDatabase.CreateEmptyAsync("migrations_edited");
        await new MigrationRunner(database.DataSource, [First]).MigrateAsync();
        var edited = new Migration(First.Name, First.Sql + "\ncreate index on first_table (id);");

        var error = await Assert.ThrowsAsync<MigrationChecksumException>(
            () => new MigrationRunner(database.DataSource, [edited, Second]).MigrateAsync());

        Assert.Equal("0001_first.sql", error.MigrationName);
        Assert.Contains("0001_first.sql", error.Message);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.False(await connection.ExecuteScalarAsync<bool>("select to_regclass('second_table') is not null"));
    }

    [Fact]
    public async Task PendingAsync_Refuses_WhenAnAppliedMigrationWasEdited()
    {
        await using var database = await TestDatabase.CreateEmptyAsync("migrations_edited_pending");
        await new MigrationRunner(database.DataSource, [First]).MigrateAsync();
        var edited = new Migration(First.Name, "create table first_table (id bigint primary key);");

        await Assert.ThrowsAsync<MigrationChecksumException>(() => new MigrationRunner(database.DataSource, [edited]).PendingAsync());
    }

    [Fact]
    public async Task MigrateAsync_AcceptsFile_WhenOnlyLineEndingsDiffer()
    {
        await using var database = await TestDatabase.CreateEmptyAsync("migrations_line_endings");
        var unix = new Migration("0001_lines.sql", "create table lines (id int);\ncreate index on lines (id);\n");
        await new MigrationRunner(database.DataSource, [unix]).MigrateAsync();
        var windows = new Migration(unix.Name, unix.Sql.Replace("\n", "\r\n"));

        var pending = await new MigrationRunner(database.DataSource, [windows]).PendingAsync();

        Assert.Empty(pending);
    }

    [Fact]
    public async Task EmbeddedMigrations_AreNumberedAndApplyToAnEmptyDatabase()
    {
        Assert.NotEmpty(EmbeddedMigrations.All);
        Assert.All(EmbeddedMigrations.All, m => Assert.Matches(@"^\d{4}_[a-z0-9_]+\.sql$", m.Name));
        Assert.All(EmbeddedMigrations.All, m => Assert.StartsWith("--", m.Sql.TrimStart()));
        Assert.Equal(EmbeddedMigrations.All.Count, EmbeddedMigrations.All.Select(m => m.Name[..4]).Distinct().Count());

        await using var database = await TestDatabase.CreateEmptyAsync("migrations_embedded");
        var runner = new MigrationRunner(database.DataSource);
        await runner.MigrateAsync();
        Assert.Empty(await runner.PendingAsync());
    }
}
