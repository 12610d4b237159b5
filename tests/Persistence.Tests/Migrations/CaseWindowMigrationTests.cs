using Dapper;
using ServiceWindow.Persistence.Migrations;
using ServiceWindow.Testing;

namespace ServiceWindow.Persistence.Tests.Migrations;

/// Migration 0009 fills the new window column and the item code, which every path wrote as NULL,
/// for the cases that exist when it runs.
public sealed class CaseWindowMigrationTests
{
    [Fact]
    public async Task Migration0009_FillsWindowFromTheOpeningEntryAndItemFromTheDefinition_ForExistingCases()
    {
        await using var database = await TestDatabase.CreateEmptyAsync("migration_0009");
        var before = EmbeddedMigrations.All.TakeWhile(m => string.CompareOrdinal(m.Name, "0009") < 0).ToList();
        await new MigrationRunner(database.DataSource, before).MigrateAsync();
        var (atWindow, unknownWindow, noWindow) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                insert into departments (id, name_zh, name_en) values ('civil', '民政', 'Civil affairs');
                insert into windows (id, department_id, name_zh, name_en) values ('w1', 'civil', '一号窗口', 'Window 1');
                insert into cases (id, definition_id, definition_version, stage, version, history_length, state, created_at, updated_at)
                select id, 'marriage-registration', 1, 'accepted', 2, 2, '{}', now(), now()
                from (values (@atWindow), (@unknownWindow), (@noWindow)) as c (id);
                insert into case_history (case_id, sequence, kind, at, payload, prev_hash, hash)
                values (@atWindow, 1, 'opened', now(), '{"data": {"window": "w1"}}', null, 'h1'),
                       (@atWindow, 2, 'moved', now(), '{"data": {"window": "w9"}}', 'h1', 'h2'),
                       (@unknownWindow, 1, 'opened', now(), '{"data": {"window": "gone"}}', null, 'h3'),
                       (@noWindow, 1, 'opened', now(), '{"data": {}}', null, 'h4');
                """, new { atWindow, unknownWindow, noWindow });
        }

        await new MigrationRunner(database.DataSource).MigrateAsync();

        await using var migrated = await database.DataSource.OpenConnectionAsync();
        var rows = (await migrated.QueryAsync<(Guid Id, string? Window, string? Item)>(
            "select id, window_id, service_item_code from cases")).ToDictionary(r => r.Id);
        Assert.Equal(("w1", "marriage-registration"), (rows[atWindow].Window, rows[atWindow].Item));
        Assert.Equal((null, "marriage-registration"), (rows[unknownWindow].Window, rows[unknownWindow].Item));
        Assert.Equal((null, "marriage-registration"), (rows[noWindow].Window, rows[noWindow].Item));
    }
}
