using Dapper;
using ServiceWindow.Persistence.History;
using ServiceWindow.Persistence.Migrations;
using ServiceWindow.Testing;

namespace ServiceWindow.Persistence.Tests.Migrations;

/// Migration 0008 hands the chain from the database's trigger to the writer: history written
/// before it must keep verifying, and each case row must learn the head its next entry links to.
public sealed class HistoryLinkMigrationTests
{
    [Fact]
    public async Task Migration0008_RecordsEachCasesHead_AndKeepsEarlierHistoryVerifiable()
    {
        await using var database = await TestDatabase.CreateEmptyAsync("migration_0008");
        var before = EmbeddedMigrations.All.TakeWhile(m => string.CompareOrdinal(m.Name, "0008") < 0).ToList();
        await new MigrationRunner(database.DataSource, before).MigrateAsync();
        var (one, three) = (Guid.NewGuid(), Guid.NewGuid());
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            // Written as 0003's trigger chained entries: the hashes come from the database.
            await connection.ExecuteAsync(
                """
                insert into cases (id, definition_id, definition_version, stage, version, history_length, state, created_at, updated_at)
                select id, 'item', 1, 'accepted', n, n, '{"stage": "accepted"}', now(), now()
                from (values (@one, 1), (@three, 3)) as c (id, n);
                insert into case_history (case_id, sequence, kind, at, payload)
                select c.id, s, 'step', now(), jsonb_build_object('step', s, 'note', '受理')
                from (values (@one, 1), (@three, 3)) as c (id, n), generate_series(1, n) as s
                order by c.id, s;
                """, new { one, three });
        }

        await new MigrationRunner(database.DataSource).MigrateAsync();

        await using var migrated = await database.DataSource.OpenConnectionAsync();
        var heads = await migrated.QueryAsync<(Guid Id, string? Head, string Last)>(
            """
            select c.id, c.history_head, h.hash from cases c
            join case_history h on h.case_id = c.id and h.sequence = c.history_length
            """);
        Assert.Equal(2, heads.Count());
        Assert.All(heads, h => Assert.Equal(h.Last, h.Head));
        var verification = await new HistoryVerifier(database.DataSource).VerifyAsync();
        Assert.True(verification.Intact, string.Join("; ", verification.Broken));
        Assert.Equal(4, verification.EntriesChecked);
    }
}
