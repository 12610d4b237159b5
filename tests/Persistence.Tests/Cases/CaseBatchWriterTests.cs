using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.History;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;

namespace ServiceWindow.Persistence.Tests.Cases;

[Collection(StoreDatabaseCollection.Name)]
public sealed class CaseBatchWriterTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private readonly CaseStore store = new(database.DataSource);

    [Fact]
    public async Task Append_WritesEveryCaseInOneBatch_WhenVersionsMatch()
    {
        var first = await OpenAsync(new TimerRow("yellow", "yellow", CaseChanges.Start.AddDays(1)));
        var second = await OpenAsync();

        await ExecuteAsync(
            [
                CaseChanges.Next(first, "escalated", null, CaseChanges.Start.AddDays(1), notifications: [new NotificationRow("handler-1", "yellow", "{}")]),
                CaseChanges.Next(second, "assigned", "chief-1", CaseChanges.Start.AddDays(1), stage: "in_review"),
            ],
            [(first.Id, "yellow")]);

        Assert.Equal((2L, "accepted"), await VersionAndStage(first.Id));
        Assert.Equal((2L, "in_review"), await VersionAndStage(second.Id));
        Assert.Equal(0, await Count("select count(*) from timers"));
        Assert.Equal(1, await Count($"select count(*) from outbox where case_id = '{first.Id}' and template = 'yellow'"));
        Assert.True((await new HistoryVerifier(database.DataSource).VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Append_RaisesConflictAndWritesNothing_WhenOneCaseVersionIsStale()
    {
        var fresh = await OpenAsync();
        var stale = await OpenAsync();
        await store.CommitAsync(CaseChanges.Next(stale, "assigned", "chief-1", CaseChanges.Start.AddHours(1)));

        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(
            [
                CaseChanges.Next(fresh, "commented", "clerk-1", CaseChanges.Start.AddHours(2), notifications: [new NotificationRow("x", "late", "{}")]),
                CaseChanges.Next(stale, "commented", "clerk-2", CaseChanges.Start.AddHours(2)),
            ],
            []));

        Assert.Equal("SW409", refused.SqlState);
        Assert.Contains(stale.Id.ToString(), refused.MessageText);
        Assert.Equal((1L, "accepted"), await VersionAndStage(fresh.Id));
        Assert.Equal(3, await Count("select count(*) from case_history"));
        Assert.Equal(0, await Count("select count(*) from outbox"));
    }

    [Fact]
    public async Task Append_FoldsChangesInOrder_WhenTwoChangesOfOneCaseFollowEachOther()
    {
        var opened = await OpenAsync(new TimerRow("a", "a", CaseChanges.Start.AddDays(1)));
        var one = CaseChanges.Next(opened, "one", null, CaseChanges.Start.AddDays(1),
            timers: [new TimerRow("b", "b", CaseChanges.Start.AddDays(2))], cancel: ["a"]);
        var two = CaseChanges.Next(CaseChanges.Stored(one), "two", null, CaseChanges.Start.AddDays(1),
            timers: [new TimerRow("a", "a-again", CaseChanges.Start.AddDays(3))], cancel: ["b"]);

        await ExecuteAsync([one, two], []);

        Assert.Equal((3L, "accepted"), await VersionAndStage(opened.Id));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(["opened", "one", "two"], await connection.QueryAsync<string>("select kind from case_history order by sequence"));
        Assert.Equal(["a-again"], await connection.QueryAsync<string>("select name from timers"));
        Assert.True((await new HistoryVerifier(database.DataSource).VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Append_Refuses_WhenChangesOfOneCaseDoNotFollowEachOther()
    {
        var opened = await OpenAsync();
        await using var batch = new NpgsqlBatch();

        Assert.Throws<ArgumentException>(() => CaseBatchWriter.Append(batch,
            [
                CaseChanges.Next(opened, "one", null, CaseChanges.Start),
                CaseChanges.Next(opened, "same-version-again", null, CaseChanges.Start),
            ],
            []));
    }

    private async Task<StoredCase> OpenAsync(params TimerRow[] timers)
    {
        var opened = CaseChanges.NewCase(timers: timers);
        await store.CommitAsync(opened);
        return CaseChanges.Stored(opened);
    }

    private async Task ExecuteAsync(IReadOnlyList<CaseChange> changes, IReadOnlyList<(Guid, string)> fired)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using var batch = new NpgsqlBatch(connection);
        CaseBatchWriter.Append(batch, changes, fired);
        await batch.ExecuteNonQueryAsync();
    }

    private async Task<(long, string)> VersionAndStage(Guid id)
    {
        var stored = await store.LoadAsync(id);
        return (stored.Version, stored.Stage);
    }

    private async Task<int> Count(string sql)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(sql);
    }
}
