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

    [Theory]
    [InlineData("delete from cases where id = @id")]
    [InlineData("update cases set id = gen_random_uuid() where id = @id")]
    public async Task Database_RefusesToRemoveOrRekeyACase_WhoseHistoryRefersToIt(string sql)
    {
        var id = await WriteCaseWithEntries(2);
        await using var connection = await database.DataSource.OpenConnectionAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(sql, new { id }));

        Assert.Equal("SW002", refused.SqlState);
    }

    [Theory]
    [InlineData(1, "'0000000000000000000000000000000000000000000000000000000000000000'")]
    [InlineData(2, "null")]
    public async Task Database_RefusesEntry_WhoseLinkDoesNotFitItsPlace(int sequence, string previousHash)
    {
        var id = Guid.NewGuid();
        await using var connection = await database.DataSource.OpenConnectionAsync();

        var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
            $$"""
            insert into case_history (case_id, sequence, kind, at, payload, prev_hash, hash)
            values (@id, {{sequence}}, 'forged', now(), '{}', {{previousHash}}, 'x')
            """, new { id }));

        Assert.Equal(("23514", "case_history_links"), (refused.SqlState, refused.ConstraintName));
    }

    [Fact]
    public async Task CommitAsync_ReportsConflict_WhenTheChangeDoesNotFollowTheLastEntry()
    {
        var opened = CaseChanges.NewCase();
        await store.CommitAsync(opened);
        var stale = CaseChanges.Stored(opened) with { HistoryHead = new string('0', 64) };

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => store.CommitAsync(CaseChanges.Next(stale, "step-2", "handler-1", CaseChanges.Start.AddMinutes(2))));

        var stored = await store.LoadAsync(opened.Case.Id);
        Assert.Equal((1, opened.NewChainHead()), (stored.HistoryLength, stored.HistoryHead));
    }

    [Fact]
    public async Task WrittenHashes_AgreeWithTheSchemasDefinition()
    {
        var opened = CaseChanges.NewCase();
        await store.CommitAsync(opened);
        var current = CaseChanges.Stored(opened);
        foreach (var (actor, at) in new[] { ("窗口-王芳", CaseChanges.Start.AddTicks(1234567)), ((string?)null, CaseChanges.Start.AddDays(1)) })
        {
            var next = CaseChanges.Next(current, "note \"quoted\"\n", actor, at);
            await store.CommitAsync(next);
            current = CaseChanges.Stored(next);
        }
        await using var connection = await database.DataSource.OpenConnectionAsync();

        var rows = await connection.QueryAsync<(string Hash, string Defined)>(
            """
            select hash, case_history_hash(prev_hash, case_id, sequence, kind, actor_id, at, action, from_stage, to_stage, payload)
            from case_history where case_id = @id order by sequence
            """, new { id = opened.Case.Id });

        Assert.All(rows, r => Assert.Equal(r.Defined, r.Hash));
        Assert.Equal(3, rows.Count());
        Assert.Equal(current.HistoryHead, (await store.LoadAsync(opened.Case.Id)).HistoryHead);
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
    [InlineData("last entry rewritten and rehashed", "update case_history set to_stage = 'done', hash = case_history_hash(prev_hash, case_id, sequence, kind, actor_id, at, action, from_stage, 'done', payload) where case_id = @id and sequence = 4", 4)]
    [InlineData("entry appended behind the application", "insert into case_history (case_id, sequence, kind, at, payload, prev_hash, hash) select case_id, 5, 'forged', now(), '{}', hash, case_history_hash(hash, case_id, 5, 'forged', null, now(), null, null, null, '{}') from case_history where case_id = @id and sequence = 4", 5)]
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

    [Fact]
    public async Task VerifyAsync_ReportsEntries_WhoseCaseDoesNotExist()
    {
        var orphan = Guid.NewGuid();
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                insert into case_history (case_id, sequence, kind, at, payload, prev_hash, hash)
                values (@orphan, 1, 'forged', now(), '{}', null, case_history_hash(null, @orphan, 1, 'forged', null, now(), null, null, null, '{}'))
                """, new { orphan });
        }
        await WriteCaseWithEntries(2);

        var verification = await new HistoryVerifier(database.DataSource).VerifyAsync();

        var broken = Assert.Single(verification.Broken);
        Assert.Equal(orphan, broken.CaseId);
        Assert.Contains("does not exist", broken.Reason);
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
