using Dapper;
using Npgsql;

namespace ServiceWindow.Persistence.Migrations;

/// Applies numbered migrations once, in order, each in its own transaction. An advisory lock makes
/// hosts that start together take turns: the second one finds everything applied.
public sealed class MigrationRunner(NpgsqlDataSource dataSource, IReadOnlyList<Migration> migrations)
{
    // Any fixed number works; it only has to be the same for every host of this application.
    private const long AdvisoryLockKey = 0x5357_4D49_4752; // "SWMIGR"

    public MigrationRunner(NpgsqlDataSource dataSource) : this(dataSource, EmbeddedMigrations.All) { }

    /// Applies what is missing and returns the names applied now.
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_lock(@key)", new { key = AdvisoryLockKey }, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                create table if not exists schema_migrations (
                    name        text primary key,
                    checksum    text not null,
                    applied_at  timestamptz not null default now()
                )
                """, cancellationToken: cancellationToken));

            var applied = await AppliedAsync(connection, cancellationToken);
            RefuseEdited(applied);

            var done = new List<string>();
            foreach (var migration in migrations.Where(m => !applied.ContainsKey(m.Name)))
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
                await connection.ExecuteAsync(new CommandDefinition(
                    "insert into schema_migrations (name, checksum) values (@Name, @Checksum)",
                    new { migration.Name, migration.Checksum }, transaction, cancellationToken: cancellationToken));
                await transaction.CommitAsync(cancellationToken);
                done.Add(migration.Name);
            }
            return done;
        }
        finally
        {
            await connection.ExecuteAsync("select pg_advisory_unlock(@key)", new { key = AdvisoryLockKey });
        }
    }

    /// The migrations not yet applied; throws if an applied one was edited.
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select to_regclass('schema_migrations') is not null", cancellationToken: cancellationToken));
        if (!exists)
        {
            return migrations.Select(m => m.Name).ToList();
        }
        var applied = await AppliedAsync(connection, cancellationToken);
        RefuseEdited(applied);
        return migrations.Where(m => !applied.ContainsKey(m.Name)).Select(m => m.Name).ToList();
    }

    private static async Task<Dictionary<string, string>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Name, string Checksum)>(new CommandDefinition(
            "select name, checksum from schema_migrations", cancellationToken: cancellationToken));
        return rows.ToDictionary(r => r.Name, r => r.Checksum, StringComparer.Ordinal);
    }

    private void RefuseEdited(Dictionary<string, string> applied)
    {
        foreach (var migration in migrations)
        {
            if (applied.TryGetValue(migration.Name, out var checksum) && checksum != migration.Checksum)
            {
                throw new MigrationChecksumException(migration.Name, checksum, migration.Checksum);
            }
        }
    }
}
