using Dapper;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;
using ServiceWindow.Persistence.Timers;

namespace ServiceWindow.Persistence.Tests.Timers;

[Collection(StoreDatabaseCollection.Name)]
public sealed class TimerSweeperTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private readonly CaseStore store = new(database.DataSource);
    private readonly FakeTimeProvider clock = new(CaseChanges.Start);

    [Fact]
    public async Task SweepAsync_FiresOnlyDueTimers_WhenSomeAreStillPending()
    {
        var id = await OpenCaseWithTimers(("yellow", TimeSpan.FromDays(4)), ("red", TimeSpan.FromDays(5)));
        clock.Advance(TimeSpan.FromDays(4.5));

        var result = await Sweeper(new EscalatingFiring()).SweepAsync();

        Assert.Equal(new SweepResult(1, 1, 0), result);
        Assert.Equal(["opened", "escalated:yellow"], await HistoryKinds(id));
        Assert.Equal(["red"], await PendingTimers(id));
    }

    [Fact]
    public async Task SweepAsync_EscalatesOnceOnReturn_WhenDeadlinePassedWhileHostWasDown()
    {
        var id = await OpenCaseWithTimers(("yellow", TimeSpan.FromDays(4)), ("red", TimeSpan.FromDays(5)));
        // Nothing swept for a week: both levels are past due when the host comes back.
        clock.Advance(TimeSpan.FromDays(12));

        var first = await Sweeper(new EscalatingFiring()).SweepAsync();
        var again = await Sweeper(new EscalatingFiring()).SweepAsync();

        Assert.Equal(2, first.Fired);
        Assert.Equal(0, again.Claimed);
        Assert.Equal(["opened", "escalated:yellow", "escalated:red"], await HistoryKinds(id));
        Assert.Equal(2, await Count("select count(*) from outbox where template like 'escalation-%'"));
    }

    [Fact]
    public async Task SweepAsync_FiresInKeyOrder_WhenTwoTimersOfACaseAreDueAtTheSameInstant()
    {
        // Promised and statutory deadline on the same day; the later level is scheduled first.
        var id = await OpenCaseWithTimers(("escalation.4", TimeSpan.FromDays(5)), ("escalation.2", TimeSpan.FromDays(5)));
        clock.Advance(TimeSpan.FromDays(6));

        await Sweeper(new EscalatingFiring()).SweepAsync();

        Assert.Equal(["opened", "escalated:escalation.2", "escalated:escalation.4"], await HistoryKinds(id));
    }

    [Fact]
    public async Task SweepAsync_FiresOnceAfterRestart_WhenSweeperDiesBetweenClaimAndCommit()
    {
        var id = await OpenCaseWithTimers(("yellow", TimeSpan.FromDays(4)));
        clock.Advance(TimeSpan.FromDays(5));
        await using var doomed = database.CreateDataSource("sweeper-that-dies");
        // The server ends the sweeper's session while it holds the claim, as a crash of the host would.
        var dying = new EscalatingFiring { OnFire = _ => Terminate("sweeper-that-dies") };

        await Assert.ThrowsAnyAsync<Exception>(() => new TimerSweeper(doomed, dying, clock).SweepAsync());
        Assert.Equal(["yellow"], await PendingTimers(id));
        var restarted = await Sweeper(new EscalatingFiring()).SweepAsync();
        var later = await Sweeper(new EscalatingFiring()).SweepAsync();

        Assert.Equal((1, 0), (restarted.Fired, later.Claimed));
        Assert.Equal(["opened", "escalated:yellow"], await HistoryKinds(id));
    }

    [Fact]
    public async Task SweepAsync_NeverFiresATimerTwice_WhenTwoSweepersRunTogether()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++)
        {
            ids.Add(await OpenCaseWithTimers(("yellow", TimeSpan.FromDays(1)), ("red", TimeSpan.FromDays(2)), ("leader", TimeSpan.FromDays(3))));
        }
        clock.Advance(TimeSpan.FromDays(4));
        var options = new TimerSweepOptions { BatchSize = 7 };
        await using var one = database.CreateDataSource("sweeper-one");
        await using var two = database.CreateDataSource("sweeper-two");

        var results = await Task.WhenAll(
            Task.Run(() => new TimerSweeper(one, new EscalatingFiring(), clock, options).SweepAsync()),
            Task.Run(() => new TimerSweeper(two, new EscalatingFiring(), clock, options).SweepAsync()));
        var leftover = await Sweeper(new EscalatingFiring()).SweepAsync();

        Assert.Equal(180, results.Sum(r => r.Fired) + leftover.Fired);
        Assert.Equal(180, await Count("select count(*) from case_history where kind like 'escalated:%'"));
        Assert.Equal(0, await Count("select count(*) from (select case_id, kind from case_history group by 1, 2 having count(*) > 1) twice"));
        Assert.Equal(0, await Count("select count(*) from timers"));
    }

    [Fact]
    public async Task SweepAsync_DropsTimerWithoutWriting_WhenCaseMovedOn()
    {
        var id = await OpenCaseWithTimers(("yellow", TimeSpan.FromDays(4)));
        var current = await store.LoadAsync(id);
        await store.CommitAsync(CaseChanges.Next(current, "completed", "handler-1", CaseChanges.Start.AddDays(1), stage: "completed"));
        clock.Advance(TimeSpan.FromDays(5));

        var result = await Sweeper(new EscalatingFiring()).SweepAsync();

        Assert.Equal(new SweepResult(1, 0, 0), result);
        Assert.Empty(await PendingTimers(id));
        Assert.Equal(["opened", "completed"], await HistoryKinds(id));
    }

    [Fact]
    public async Task SweepAsync_PushesTimerBack_WhenItsFiringFails()
    {
        var broken = await OpenCaseWithTimers(("yellow", TimeSpan.FromDays(1)));
        var healthy = await OpenCaseWithTimers(("yellow", TimeSpan.FromDays(1)));
        clock.Advance(TimeSpan.FromDays(2));
        var firing = new FailingFor(broken);

        var result = await Sweeper(firing).SweepAsync();

        Assert.Equal(new SweepResult(2, 1, 1), result);
        Assert.Equal(["opened", "escalated:yellow"], await HistoryKinds(healthy));
        Assert.Equal(1, await Count($"select attempts from timers where case_id = '{broken}' and due_at > '{clock.GetUtcNow().UtcDateTime:O}'"));
    }

    [Fact]
    public async Task SweepAsync_PushesBackOnlyRefusedCase_WhenDatabaseRefusesOneChangeInBatch()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await OpenCaseWithTimers(("yellow", TimeSpan.FromDays(1)), ("red", TimeSpan.FromDays(2))));
        }
        var poisoned = ids[2];
        clock.Advance(TimeSpan.FromDays(3));

        var result = await Sweeper(new RefusedInDatabaseFor(poisoned)).SweepAsync();

        Assert.Equal(new SweepResult(10, 8, 2), result);
        foreach (var healthy in ids.Where(id => id != poisoned))
        {
            Assert.Equal(["opened", "escalated:yellow", "escalated:red"], await HistoryKinds(healthy));
            Assert.Empty(await PendingTimers(healthy));
        }
        // Nothing of the refused case's own effects was committed; both its timers wait for a retry.
        Assert.Equal(["opened"], await HistoryKinds(poisoned));
        Assert.Equal(1L, (await store.LoadAsync(poisoned)).Version);
        Assert.Equal(0, await Count($"select count(*) from outbox where case_id = '{poisoned}'"));
        Assert.Equal(2, await Count($"select count(*) from timers where case_id = '{poisoned}' and attempts = 1 and last_error like '23514:%' and due_at > '{clock.GetUtcNow().UtcDateTime:O}'"));
    }

    [Fact]
    public async Task SweepAsync_FiresRestLater_WhenRefusedCaseKeepsFailing()
    {
        var poisoned = await OpenCaseWithTimers(("yellow", TimeSpan.FromDays(1)));
        var healthy = await OpenCaseWithTimers(("yellow", TimeSpan.FromDays(1)));
        clock.Advance(TimeSpan.FromDays(2));
        var firing = new RefusedInDatabaseFor(poisoned);
        await Sweeper(firing).SweepAsync();
        var later = await OpenCaseWithTimers(("yellow", TimeSpan.FromDays(2)));

        // Past the retry: the refused timer comes back in the same batch as a newly due one, and fails alone again.
        clock.Advance(TimeSpan.FromDays(1));
        var again = await Sweeper(firing).SweepAsync();

        Assert.Equal(new SweepResult(2, 1, 1), again);
        Assert.Equal(["opened", "escalated:yellow"], await HistoryKinds(later));
        Assert.Equal(["opened", "escalated:yellow"], await HistoryKinds(healthy));
        Assert.Equal(2, await Count($"select attempts from timers where case_id = '{poisoned}'"));
    }

    private TimerSweeper Sweeper(ITimerFiring firing) => new(database.DataSource, firing, clock);

    private async Task<Guid> OpenCaseWithTimers(params (string Name, TimeSpan After)[] timers)
    {
        var opened = CaseChanges.NewCase(timers: timers.Select(t => new TimerRow(t.Name, t.Name, CaseChanges.Start + t.After)).ToList());
        await store.CommitAsync(opened);
        return opened.Case.Id;
    }

    private void Terminate(string applicationName)
    {
        using var connection = database.DataSource.OpenConnection();
        // Waits (up to 5 s) for the session to be gone: without the wait, the next sweep can still find
        // the dying session's row locks and skip the timer it is meant to fire.
        connection.Execute("select pg_terminate_backend(pid, 5000) from pg_stat_activity where application_name = @applicationName",
            new { applicationName });
    }

    private async Task<List<string>> HistoryKinds(Guid id)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("select kind from case_history where case_id = @id order by sequence", new { id })).ToList();
    }

    private async Task<List<string>> PendingTimers(Guid id)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return (await connection.QueryAsync<string>("select key from timers where case_id = @id order by due_at", new { id })).ToList();
    }

    private async Task<int> Count(string sql)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<int>(sql);
    }

    private sealed class FailingFor(Guid caseId) : ITimerFiring
    {
        private readonly EscalatingFiring inner = new();

        public CaseChange? Fire(StoredCase current, DueTimer timer, DateTimeOffset now) =>
            current.Id == caseId ? throw new InvalidOperationException("definition missing") : inner.Fire(current, timer, now);
    }

    /// Produces a change the database refuses for one case: a finding of a kind the schema's check
    /// rejects (23514); every other case escalates normally.
    private sealed class RefusedInDatabaseFor(Guid caseId) : ITimerFiring
    {
        private readonly EscalatingFiring inner = new();

        public CaseChange? Fire(StoredCase current, DueTimer timer, DateTimeOffset now) =>
            current.Id == caseId
                ? CaseChanges.Next(current, "refused", null, now,
                    notifications: [new NotificationRow("handler-1", "never-sent", "{}")],
                    findings: [new FindingRow(Guid.NewGuid(), "not_a_finding_kind", "handler-1", "the schema's check refuses it", [1])])
                : inner.Fire(current, timer, now);
    }
}
