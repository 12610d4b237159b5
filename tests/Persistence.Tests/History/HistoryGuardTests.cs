using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.History;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;

namespace ServiceWindow.Persistence.Tests.History;

[Collection(StoreDatabaseCollection.Name)]
public sealed class HistoryGuardTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private readonly CaseStore store = new(database.DataSource);

    [Theory]
    [InlineData("update case_history set actor_id = 'someone-else' where sequence = 1")]
    [InlineData("update case_history set hash = 'x' where sequence = 1")]
    [InlineData("delete from case_history where sequence = 2")]
    public async Task Database_RefusesChange_WhenHistoryIsEditedOrDeleted(string sql)
    {
        await WriteCaseWithEntries(2);
        await using var connection = await database.DataSource.OpenConnectionAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(sql));

        Assert.Equal("SW001", refused.SqlState);
    }

    [Fact]
    public async Task Database_RefusesInsert_WhenItWouldLeaveAGap()
    {
        var id = await WriteCaseWithEntries(1);
        await using var connection = await database.DataSource.OpenConnectionAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            """
            insert into case_history (case_id, sequence, kind, at, payload) values (@id, 3, 'skipped', now(), '{}')
            """, new { id }));

        Assert.Equal("23514", refused.SqlState);
    }

    [Fact]
    public async Task VerifyAsync_FindsNothing_WhenHistoryIsUntouched()
    {
        await WriteCaseWithEntries(3);
        await WriteCaseWithEntries(1);

        var verification = await new HistoryVerifier(database.DataSource).VerifyAsync();

        Assert.True(verification.Intact);
        Assert.Equal((2L, 4L), (verification.CasesChecked, verification.EntriesChecked));
    }

    [Theory]
    [InlineData("payload edited", "update case_history set payload = '{\"kind\": \"forged\"}' where case_id = @id and sequence = 2", 2)]
    [InlineData("actor edited", "update case_history set actor_id = 'scapegoat' where case_id = @id and sequence = 3", 3)]
    [InlineData("time edited", "update case_history set at = at - interval '1 day' where case_id = @id and sequence = 2", 2)]
    [InlineData("middle entry removed", "delete from case_history where case_id = @id and sequence = 2", 2)]
    [InlineData("last entry removed", "delete from case_history where case_id = @id and sequence = 4", 4)]
    [InlineData("hash recomputed after edit", "update case_history set to_stage = 'done', hash = case_history_hash(prev_hash, case_id, sequence, kind, actor_id, at, action, from_stage, 'done', payload) where case_id = @id and sequence = 2", 3)]
    public async Task VerifyAsync_ReportsFirstBrokenEntry_WhenHistoryWasForcedBehindTheGuard(string edit, string sql, int firstBroken)
    {
        var tampered = await WriteCaseWithEntries(4);
        var untouched = await WriteCaseWithEntries(4);
        await ForceAsync(sql, tampered);

        var verification = await new HistoryVerifier(database.DataSource).VerifyAsync();

        var broken = Assert.Single(verification.Broken);
        Assert.True(broken.CaseId == tampered && broken.Sequence == firstBroken, $"{edit}: reported {broken}");
        Assert.NotEqual(untouched, broken.CaseId);
    }

    [Fact]
    public async Task VerifyAsync_ReportsCase_WhenEveryEntryWasRemoved()
    {
        var emptied = await WriteCaseWithEntries(2);
        await ForceAsync("delete from case_history where case_id = @id", emptied);

        var verification = await new HistoryVerifier(database.DataSource).VerifyAsync();

        Assert.Equal(emptied, Assert.Single(verification.Broken).CaseId);
    }

    /// Lifts the guard for one statement, as someone with owner rights could, inside one transaction.
    private async Task ForceAsync(string sql, Guid id)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("alter table case_history disable trigger case_history_append_only", transaction: transaction);
        await connection.ExecuteAsync(sql, new { id }, transaction);
        await connection.ExecuteAsync("alter table case_history enable trigger case_history_append_only", transaction: transaction);
        await transaction.CommitAsync();
    }

    private async Task<Guid> WriteCaseWithEntries(int entries)
    {
        var opened = CaseChanges.NewCase();
        await store.CommitAsync(opened);
        var current = CaseChanges.Stored(opened);
        for (var i = 2; i <= entries; i++)
        {
            var next = CaseChanges.Next(current, $"step-{i}", "handler-1", CaseChanges.Start.AddMinutes(i));
            await store.CommitAsync(next);
            current = CaseChanges.Stored(next);
        }
        return opened.Case.Id;
    }
}
