using Dapper;
using Microsoft.Extensions.Time.Testing;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.History;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;
using ServiceWindow.Persistence.Timers;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Persistence.Tests.Engine;

[Collection(StoreDatabaseCollection.Name)]
public sealed class CaseCommandsTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    // Monday 2025-03-03, 10:00 in Shanghai: five working days end at office close on Monday 03-10.
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.FromHours(8)));
    private readonly CaseStore store = new(database.DataSource);
    private readonly WorkflowEngine engine = new();

    private CaseCommands Commands => new(store, TestCatalog.Instance, engine, clock);

    private static readonly Actor Clerk = Actor.Staff("clerk-1", "clerk");

    [Fact]
    public async Task OpenAsync_StoresStateHistoryTimersAndNotice_WhenCaseIsAccepted()
    {
        var id = Guid.NewGuid();

        var outcome = await Commands.OpenAsync(TestCatalog.DefinitionId, id, CaseCommand.Of("accept", Clerk, 0));

        var stored = await store.LoadAsync(id);
        Assert.Equal((id, "review", stored.Version), (outcome.CaseId, outcome.Stage, outcome.Version));
        var state = CaseStateJson.Deserialize(stored.StateJson);
        Assert.Equal(("review", 1L, 3), (state.Stage, state.Version, state.Timers.Count));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var promised = await connection.ExecuteScalarAsync<DateTime>("select promised_deadline from cases where id = @id", new { id });
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 17, 30, 0, TimeSpan.FromHours(8)).UtcDateTime, promised);
        Assert.True(await connection.ExecuteScalarAsync<int>("select count(*) from timers where case_id = @id", new { id }) > 0);
        Assert.True(await connection.ExecuteScalarAsync<int>("select count(*) from outbox where case_id = @id", new { id }) > 0);
    }

    [Fact]
    public async Task ExecuteAsync_ExactlyOneWins_WhenTwoStaffActOnTheSameVersion()
    {
        var id = Guid.NewGuid();
        var opened = await Commands.OpenAsync(TestCatalog.DefinitionId, id, CaseCommand.Of("accept", Clerk, 0));

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<Exception?> Act(string action, string staff)
        {
            await gate.Task;
            try
            {
                await Commands.ExecuteAsync(id, CaseCommand.Of(action, Actor.Staff(staff, "clerk", "handler"), opened.Version));
                return null;
            }
            catch (ConcurrencyConflictException e)
            {
                return e;
            }
        }
        var approve = Task.Run(() => Act("approve", "handler-1"));
        var refer = Task.Run(() => Act("refer", "handler-2"));
        gate.SetResult();
        var outcomes = await Task.WhenAll(approve, refer);

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o is ConcurrencyConflictException);
        var stored = await store.LoadAsync(id);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var sequences = (await connection.QueryAsync<int>("select sequence from case_history where case_id = @id order by sequence", new { id })).ToList();
        Assert.Equal(Enumerable.Range(1, stored.HistoryLength), sequences);
        Assert.True((await new HistoryVerifier(database.DataSource).VerifyAsync()).Intact);
    }

    [Fact]
    public async Task ExecuteAsync_ReturnsFirstOutcomeAndWritesNothing_WhenRetriedWithSameKey()
    {
        var id = Guid.NewGuid();
        var opened = await Commands.OpenAsync(TestCatalog.DefinitionId, id, CaseCommand.Of("accept", Clerk, 0), "open-1");
        var command = CaseCommand.Of("approve", Actor.Staff("handler-1", "handler"), opened.Version);

        var first = await Commands.ExecuteAsync(id, command, "approve-1");
        var retried = await Commands.ExecuteAsync(id, command, "approve-1");
        var reopened = await Commands.OpenAsync(TestCatalog.DefinitionId, id, CaseCommand.Of("accept", Clerk, 0), "open-1");

        Assert.Equal(first, retried);
        Assert.Equal(opened, reopened);
        Assert.Equal(first.LastSequence, (await store.LoadAsync(id)).HistoryLength);
        await Assert.ThrowsAsync<IdempotencyKeyReusedException>(() =>
            Commands.ExecuteAsync(id, CaseCommand.Of("refer", Actor.Staff("handler-1", "handler"), opened.Version), "approve-1"));
    }

    [Fact]
    public async Task ExecuteAsync_ThrowsConflict_WhenVersionIsStale()
    {
        var id = Guid.NewGuid();
        var opened = await Commands.OpenAsync(TestCatalog.DefinitionId, id, CaseCommand.Of("accept", Clerk, 0));
        await Commands.ExecuteAsync(id, CaseCommand.Of("refer", Actor.Staff("handler-1", "handler"), opened.Version));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Commands.ExecuteAsync(id, CaseCommand.Of("approve", Actor.Staff("handler-2", "handler"), opened.Version)));
    }

    [Fact]
    public async Task Sweep_EscalatesEachLevelOnce_WhenDeadlinesPassedWhileHostWasDown()
    {
        var id = Guid.NewGuid();
        await Commands.OpenAsync(TestCatalog.DefinitionId, id, CaseCommand.Of("accept", Clerk, 0));
        // The host is down from acceptance until well past red + 2 working days.
        clock.SetUtcNow(new DateTimeOffset(2025, 3, 20, 9, 0, 0, TimeSpan.FromHours(8)));
        var firing = new EngineTimerFiring(TestCatalog.Instance, engine);

        var first = await new TimerSweeper(database.DataSource, firing, clock).SweepAsync();
        var second = await new TimerSweeper(database.DataSource, firing, clock).SweepAsync();

        Assert.True(first.Fired > 0);
        Assert.Equal(0, second.Fired);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var escalations = (await connection.QueryAsync<string>(
            "select action from case_history where case_id = @id and kind = 'escalation' order by sequence", new { id })).ToList();
        Assert.Equal(escalations.Distinct().Count(), escalations.Count);
        Assert.Equal(3, escalations.Count);
        Assert.Equal("red", await connection.ExecuteScalarAsync<string>("select warning_level from cases where id = @id", new { id }));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from findings where case_id = @id and kind = 'slow_action'", new { id }));
        Assert.True((await new HistoryVerifier(database.DataSource).VerifyAsync()).Intact);
    }

    [Fact]
    public async Task OpenAsync_RecordsWindowAndServiceItem_WhenOpeningCommandNamesTheWindow()
    {
        await SeedWindowAsync("window-3");
        var id = Guid.NewGuid();

        var opened = await Commands.OpenAsync(TestCatalog.DefinitionId, id, WithWindow("accept", Clerk, 0, "window-3"));
        var afterOpen = await WindowAndItemAsync(id);
        await Commands.ExecuteAsync(id, CaseCommand.Of("approve", Actor.Staff("handler-1", "handler"), opened.Version));

        Assert.Equal(("window-3", "store-test-permit"), afterOpen);
        Assert.Equal(("window-3", "store-test-permit"), await WindowAndItemAsync(id));
    }

    [Fact]
    public async Task OpenAsync_ThrowsUnknownWindowAndWritesNothing_WhenTheWindowDoesNotExist()
    {
        var id = Guid.NewGuid();

        var refused = await Assert.ThrowsAsync<UnknownWindowException>(() =>
            Commands.OpenAsync(TestCatalog.DefinitionId, id, WithWindow("accept", Clerk, 0, "no-such-window")));

        Assert.Equal("no-such-window", refused.WindowId);
        Assert.Null(await store.FindAsync(id));
    }

    [Fact]
    public async Task ExecuteAsync_CountsVerifiedComplaintsInTheOfficesCalendarYear_WhenAComplaintIsVerified()
    {
        // Shanghai is UTC+8: 2026-01-01 00:10 there is still 2025-12-31 in UTC.
        var first = await VerifyComplaintAsync("handler-7", new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.FromHours(8)));
        var second = await VerifyComplaintAsync("handler-7", new DateTimeOffset(2025, 12, 31, 23, 50, 0, TimeSpan.FromHours(8)));
        var otherPerson = await VerifyComplaintAsync("handler-8", new DateTimeOffset(2025, 12, 31, 23, 55, 0, TimeSpan.FromHours(8)));
        // Misconduct that is no verified complaint (a late extension request) is not on the ladder.
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                insert into findings (id, kind, responsible_staff_id, reason, opened_at)
                values (gen_random_uuid(), 'misconduct', 'handler-7', 'extension requested after the deadline', '2026-01-01 00:05+08')
                """);
        }
        var newYear = await VerifyComplaintAsync("handler-7", new DateTimeOffset(2026, 1, 1, 0, 10, 0, TimeSpan.FromHours(8)));
        var newYearAgain = await VerifyComplaintAsync("handler-7", new DateTimeOffset(2026, 1, 2, 9, 0, 0, TimeSpan.FromHours(8)));

        Assert.Equal(["1", "2", "1", "1", "2"], new[] { first, second, otherPerson, newYear, newYearAgain });
    }

    [Fact]
    public async Task ExecuteAsync_IgnoresTheCallersCount_WhenAComplaintIsVerified()
    {
        await VerifyComplaintAsync("handler-7", new DateTimeOffset(2025, 6, 2, 10, 0, 0, TimeSpan.FromHours(8)));

        var second = await VerifyComplaintAsync("handler-7", new DateTimeOffset(2025, 6, 3, 10, 0, 0, TimeSpan.FromHours(8)), claimedPrior: 0);

        Assert.Equal("2", second);
    }

    // Lodges a complaint, assigns it and verifies it against the person at the instant given; returns
    // the verified count the verification recorded.
    private async Task<string> VerifyComplaintAsync(string against, DateTimeOffset at, int? claimedPrior = null)
    {
        var office = Actor.Staff("office-1", "efficiency_office");
        var id = Guid.NewGuid();
        clock.SetUtcNow(at.AddMinutes(-2));
        var lodged = await Commands.OpenAsync(TestCatalog.ComplaintDefinitionId, id, new CaseCommand("lodge", office, 0,
            new Dictionary<string, string> { ["complainant"] = "citizen-1", ["about"] = "rude at the window" }));
        clock.SetUtcNow(at.AddMinutes(-1));
        var assigned = await Commands.ExecuteAsync(id, new CaseCommand("assign", office, lodged.Version,
            new Dictionary<string, string> { ["handler"] = "handler-9" }));
        clock.SetUtcNow(at);
        await Commands.ExecuteAsync(id, new CaseCommand("verify", office, assigned.Version,
            new Dictionary<string, string> { ["against"] = against, ["summary"] = "confirmed by two witnesses" })
        {
            PriorVerifiedComplaints = claimedPrior,
        });
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string?>(
            "select payload -> 'data' ->> 'verified_count' from case_history where case_id = @id and action = 'verify'", new { id })
            ?? "no verification recorded";
    }

    private static CaseCommand WithWindow(string action, Actor actor, long version, string window) =>
        new(action, actor, version, new Dictionary<string, string> { ["window"] = window });

    private async Task SeedWindowAsync(string windowId)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into departments (id, name_zh, name_en) values ('civil', '民政', 'Civil affairs');
            insert into windows (id, department_id, name_zh, name_en) values (@windowId, 'civil', '窗口', 'Window');
            """, new { windowId });
    }

    private async Task<(string?, string?)> WindowAndItemAsync(Guid id)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.QuerySingleAsync<(string?, string?)>(
            "select window_id, service_item_code from cases where id = @id", new { id });
    }
}
