using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.History;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;

namespace ServiceWindow.Persistence.Tests.Cases;

[Collection(StoreDatabaseCollection.Name)]
public sealed class CaseStoreTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private readonly CaseStore store = new(database.DataSource);

    [Fact]
    public async Task CommitAsync_WritesCaseHistoryTimersAndOutbox_WhenCaseIsNew()
    {
        var change = CaseChanges.NewCase(
            timers: [new TimerRow("promised-yellow", "yellow", CaseChanges.Start.AddDays(4))],
            notifications: [new NotificationRow("13800000000", "accepted", """{"promised": "2025-03-10"}""")]);

        await store.CommitAsync(change);

        var stored = await store.LoadAsync(change.Case.Id);
        Assert.Equal((1L, 1, "accepted"), (stored.Version, stored.HistoryLength, stored.Stage));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from case_history where case_id = @id", new { id = change.Case.Id }));
        Assert.Equal("yellow", await connection.ExecuteScalarAsync<string>("select name from timers where case_id = @id", new { id = change.Case.Id }));
        Assert.Equal("accepted", await connection.ExecuteScalarAsync<string>("select template from outbox where case_id = @id", new { id = change.Case.Id }));
    }

    // The intake statement is built per shape (entries, timers, messages); every shape must write all of them.
    [Theory]
    [InlineData(1, 0, 0)]
    [InlineData(1, 2, 0)]
    [InlineData(2, 0, 3)]
    [InlineData(3, 4, 2)]
    public async Task CommitAsync_WritesEveryPart_WhateverTheShapeOfTheNewCase(int entries, int timers, int messages)
    {
        var change = new CaseChange(new CaseRow(Guid.NewGuid(), "test-item", 1, "accepted", 1, entries, """{"stage": "accepted"}"""), 0,
            CaseChanges.Start)
        {
            History = [.. Enumerable.Range(1, entries).Select(i => new HistoryRow(i, i == 1 ? "opened" : "noted", i == 2 ? null : "clerk-1",
                CaseChanges.Start.AddSeconds(i), $$"""{"entry": {{i}}}"""))],
            TimersToSchedule = [.. Enumerable.Range(1, timers).Select(i => new TimerRow($"t{i}", $"timer-{i}", CaseChanges.Start.AddHours(i)))],
            Notifications = [.. Enumerable.Range(1, messages).Select(i => new NotificationRow($"recipient-{i}", $"template-{i}", $$"""{"n": {{i}}}"""))],
        };

        await store.CommitAsync(change);

        await using var connection = await database.DataSource.OpenConnectionAsync();
        var id = change.Case.Id;
        Assert.Equal(Enumerable.Range(1, entries), await connection.QueryAsync<int>("select sequence from case_history where case_id = @id order by sequence", new { id }));
        Assert.Equal(change.LinkHistory().Select(h => h.Hash), await connection.QueryAsync<string>("select hash from case_history where case_id = @id order by sequence", new { id }));
        Assert.Equal(timers, await connection.ExecuteScalarAsync<int>("select count(*) from timers where case_id = @id", new { id }));
        Assert.Equal(Enumerable.Range(1, messages).Select(i => $"template-{i}"),
            await connection.QueryAsync<string>("select template from outbox where case_id = @id order by id", new { id }));
        Assert.True((await new HistoryVerifier(database.DataSource).VerifyAsync()).Intact);
    }

    // Receipt numbers are unique through a partial index (0007): cases without one share no entry.
    // Intakes of one shape share reused statement commands; each must still write its own values,
    // including a null after a value and a value after a null.
    [Fact]
    public async Task CommitAsync_WritesEachCasesOwnValues_WhenIntakesOfOneShapeRunTogether()
    {
        // Every other case has a receipt number and no handler.
        static CaseChange Intake(int i)
        {
            var at = CaseChanges.Start.AddMinutes(i);
            return new CaseChange(new CaseRow(Guid.NewGuid(), "test-item", 1, "accepted", 1, 1, $$"""{"n": {{i}}}""")
            {
                ReceiptNumber = i % 2 == 0 ? $"R-{i}" : null,
                HandlerId = i % 2 == 0 ? null : "handler-1",
                AcceptedAt = at,
            }, 0, at)
            {
                History = [new HistoryRow(1, "opened", "clerk-1", at, $$"""{"n": {{i}}}""")],
                TimersToSchedule = [new TimerRow("yellow", "yellow", CaseChanges.Start.AddHours(i)), new TimerRow("red", "red", CaseChanges.Start.AddDays(i))],
                Notifications = [new NotificationRow($"recipient-{i}", "accepted", $$"""{"n": {{i}}}""")],
            };
        }
        var changes = Enumerable.Range(1, 24).Select(Intake).ToList();

        foreach (var group in changes.Chunk(8))
        {
            await Task.WhenAll(group.Select(change => Task.Run(() => store.CommitAsync(change))));
        }

        await using var connection = await database.DataSource.OpenConnectionAsync();
        foreach (var (change, i) in changes.Select((change, index) => (change, index + 1)))
        {
            var id = change.Case.Id;
            var row = await connection.QuerySingleAsync<(string? Receipt, string? Handler, DateTime AcceptedAt, string Head)>(
                "select receipt_number, handler_id, accepted_at, history_head from cases where id = @id", new { id });
            Assert.Equal((i % 2 == 0 ? $"R-{i}" : null, i % 2 == 0 ? null : "handler-1"), (row.Receipt, row.Handler));
            Assert.Equal(CaseChanges.Start.AddMinutes(i).UtcDateTime, row.AcceptedAt);
            Assert.Equal(change.NewChainHead(), row.Head);
            Assert.Equal([CaseChanges.Start.AddHours(i).UtcDateTime, CaseChanges.Start.AddDays(i).UtcDateTime],
                await connection.QueryAsync<DateTime>("select due_at from timers where case_id = @id order by key desc", new { id }));
            Assert.Equal(($"recipient-{i}", $$"""{"n": {{i}}}"""),
                await connection.QuerySingleAsync<(string, string)>("select recipient, data::text from outbox where case_id = @id", new { id }));
        }
        Assert.True((await new HistoryVerifier(database.DataSource).VerifyAsync()).Intact);
    }

    [Fact]
    public async Task CommitAsync_WritesTheNextIntake_AfterOneOfTheSameShapeWasRefused()
    {
        var first = CaseChanges.NewCase(timers: [new TimerRow("yellow", "yellow", CaseChanges.Start.AddHours(1))]);
        await store.CommitAsync(first);
        var retaken = CaseChanges.NewCase(first.Case.Id, at: CaseChanges.Start.AddDays(1), timers: [new TimerRow("yellow", "yellow", CaseChanges.Start.AddHours(2))]);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(retaken));

        var next = CaseChanges.NewCase(at: CaseChanges.Start.AddDays(2), timers: [new TimerRow("yellow", "yellow", CaseChanges.Start.AddHours(3))]);
        await store.CommitAsync(next);

        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(
            [(first.Case.Id, CaseChanges.Start.AddHours(1).UtcDateTime), (next.Case.Id, CaseChanges.Start.AddHours(3).UtcDateTime)],
            (await connection.QueryAsync<(Guid, DateTime)>("select case_id, due_at from timers order by due_at")).ToList());
        Assert.Equal(CaseChanges.Start.AddDays(2).UtcDateTime,
            await connection.ExecuteScalarAsync<DateTime>("select accepted_at from cases where id = @id", new { id = next.Case.Id }));
    }

    [Fact]
    public async Task CommitAsync_RefusesCase_WhenReceiptNumberIsTaken()
    {
        await store.CommitAsync(WithReceipt(CaseChanges.NewCase(), "R-2025-0001"));
        var second = WithReceipt(CaseChanges.NewCase(), "R-2025-0001");

        var refused = await Assert.ThrowsAsync<PostgresException>(() => store.CommitAsync(second));

        Assert.Equal(("23505", "cases_receipt_number_key"), (refused.SqlState, refused.ConstraintName));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from cases where id = @id", new { id = second.Case.Id }));
    }

    [Fact]
    public async Task CommitAsync_StoresEveryCase_WhenSeveralHaveNoReceiptNumberOrHandler()
    {
        var first = WithReceipt(CaseChanges.NewCase(), null);
        var second = WithReceipt(CaseChanges.NewCase(), null);

        await store.CommitAsync(first);
        await store.CommitAsync(second);

        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>(
            "select count(*) from cases where id in (@a, @b) and receipt_number is null and handler_id is null",
            new { a = first.Case.Id, b = second.Case.Id }));
    }

    private static CaseChange WithReceipt(CaseChange change, string? number) =>
        new(change.Case with { ReceiptNumber = number, LookupSecretHash = number is null ? null : "secret-hash", HandlerId = number is null ? null : change.Case.HandlerId },
            change.ExpectedVersion, change.At)
        {
            History = change.History,
        };

    [Fact]
    public async Task CommitAsync_ChainsEntriesAndKeepsMessageOrder_WhenNewCaseHasSeveralOfEach()
    {
        var opened = CaseChanges.NewCase(
            timers: [new TimerRow("yellow", "yellow", CaseChanges.Start.AddDays(4)), new TimerRow("red", "red", CaseChanges.Start.AddDays(5))],
            notifications: [new NotificationRow("13800000000", "first", "{}"), new NotificationRow("13800000001", "second", "{}"), new NotificationRow("13800000002", "third", "{}")]);
        var c = opened.Case;
        var change = new CaseChange(new CaseRow(c.Id, c.DefinitionId, c.DefinitionVersion, c.Stage, c.Version, 2, c.StateJson), 0, opened.At)
        {
            History = [opened.History[0], new HistoryRow(2, "assigned", "clerk-1", opened.At, """{"to": "handler-1"}""") { FromStage = "accepted", ToStage = "accepted" }],
            TimersToSchedule = opened.TimersToSchedule,
            Notifications = opened.Notifications,
        };

        await store.CommitAsync(change);

        await using var connection = await database.DataSource.OpenConnectionAsync();
        var id = change.Case.Id;
        Assert.Equal(["opened", "assigned"], await connection.QueryAsync<string>("select kind from case_history where case_id = @id order by sequence", new { id }));
        Assert.Equal(["first", "second", "third"], await connection.QueryAsync<string>("select template from outbox where case_id = @id order by id", new { id }));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("select count(*) from timers where case_id = @id", new { id }));
        Assert.True((await new HistoryVerifier(database.DataSource).VerifyAsync()).Intact);
    }

    [Fact]
    public async Task CommitAsync_ExactlyOneWins_WhenTwoActionsRaceOnOneCase()
    {
        var opened = CaseChanges.NewCase();
        await store.CommitAsync(opened);
        var current = await store.LoadAsync(opened.Case.Id);

        // Both commands read version 1; they are released together so their writes overlap.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<Exception?> Act(string actor)
        {
            await gate.Task;
            try
            {
                await store.CommitAsync(CaseChanges.Next(current, "assigned", actor, CaseChanges.Start.AddHours(1), stage: "in_review"));
                return null;
            }
            catch (ConcurrencyConflictException e)
            {
                return e;
            }
        }
        var first = Task.Run(() => Act("chief-1"));
        var second = Task.Run(() => Act("chief-2"));
        gate.SetResult();
        var outcomes = await Task.WhenAll(first, second);

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is ConcurrencyConflictException);
        var after = await store.LoadAsync(opened.Case.Id);
        Assert.Equal((2L, 2), (after.Version, after.HistoryLength));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var sequences = (await connection.QueryAsync<int>("select sequence from case_history where case_id = @id order by sequence", new { id = opened.Case.Id })).ToList();
        Assert.Equal([1, 2], sequences);
    }

    [Fact]
    public async Task CommitAsync_ThrowsConflictAndWritesNothing_WhenVersionIsStale()
    {
        var opened = CaseChanges.NewCase();
        await store.CommitAsync(opened);
        var stale = await store.LoadAsync(opened.Case.Id);
        await store.CommitAsync(CaseChanges.Next(stale, "assigned", "chief-1", CaseChanges.Start.AddHours(1)));

        var late = CaseChanges.Next(stale, "commented", "clerk-2", CaseChanges.Start.AddHours(2),
            notifications: [new NotificationRow("13800000000", "late", "{}")]);
        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(late));

        Assert.Equal(1, conflict.ExpectedVersion);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from outbox where template = 'late'"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("select count(*) from case_history"));
    }

    [Fact]
    public async Task CommitAsync_ThrowsConflict_WhenCaseIdIsTaken()
    {
        var opened = CaseChanges.NewCase();
        await store.CommitAsync(opened);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(CaseChanges.NewCase(opened.Case.Id)));
    }

    [Fact]
    public async Task CommitAsync_ReturnsFirstResultAndWritesNothing_WhenCommandIsRetried()
    {
        var opened = CaseChanges.NewCase();
        await store.CommitAsync(opened);
        var current = await store.LoadAsync(opened.Case.Id);
        var change = CaseChanges.Next(current, "assigned", "chief-1", CaseChanges.Start.AddHours(1),
            notifications: [new NotificationRow("13800000000", "assigned", "{}")]);
        var record = new IdempotencyRecord("key-1", opened.Case.Id, "assign", "hash-a", """{"version": 2}""");
        await store.CommitAsync(change, record);

        // A retry finds the key before doing anything; a retry that raced past that check loses on the key.
        Assert.Equal("""{"version": 2}""", await store.FindResultAsync("key-1", "hash-a"));
        var raced = await store.CommitAsync(change, record with { });

        Assert.Equal("""{"version": 2}""", raced);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from outbox where template = 'assigned'"));
        Assert.Equal(2, await connection.ExecuteScalarAsync<int>("select count(*) from case_history"));
    }

    [Fact]
    public async Task FindResultAsync_Refuses_WhenKeyWasUsedForAnotherCommand()
    {
        var opened = CaseChanges.NewCase();
        await store.CommitAsync(opened, new IdempotencyRecord("key-2", opened.Case.Id, "accept", "hash-a", "{}"));

        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() => store.FindResultAsync("key-2", "hash-b"));
    }

    [Fact]
    public async Task CommitAsync_LeavesKeyUnused_WhenCommandConflicts()
    {
        var opened = CaseChanges.NewCase();
        await store.CommitAsync(opened);
        var stale = await store.LoadAsync(opened.Case.Id);
        await store.CommitAsync(CaseChanges.Next(stale, "assigned", "chief-1", CaseChanges.Start.AddHours(1)));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.CommitAsync(
            CaseChanges.Next(stale, "commented", "clerk-2", CaseChanges.Start.AddHours(2)),
            new IdempotencyRecord("key-3", opened.Case.Id, "comment", "hash-a", "{}")));

        Assert.Null(await store.FindResultAsync("key-3", "hash-a"));
    }

    [Fact]
    public async Task CommitAsync_CancelsAndMovesTimers_WhenChangeSaysSo()
    {
        var opened = CaseChanges.NewCase(timers: [new TimerRow("yellow", "yellow", CaseChanges.Start.AddDays(4)), new TimerRow("red", "red", CaseChanges.Start.AddDays(5))]);
        await store.CommitAsync(opened);
        var current = await store.LoadAsync(opened.Case.Id);

        await store.CommitAsync(CaseChanges.Next(current, "paused", "clerk-1", CaseChanges.Start.AddHours(1),
            cancel: ["yellow"], timers: [new TimerRow("red", "red", CaseChanges.Start.AddDays(9))]));

        await using var connection = await database.DataSource.OpenConnectionAsync();
        var timers = (await connection.QueryAsync<(string Key, DateTime DueAt)>("select key, due_at from timers where case_id = @id", new { id = opened.Case.Id })).ToList();
        var red = Assert.Single(timers);
        Assert.Equal(("red", CaseChanges.Start.AddDays(9).UtcDateTime), red);
    }
}
