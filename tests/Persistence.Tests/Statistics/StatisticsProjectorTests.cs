using Dapper;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Persistence.Tests.Statistics;

[Collection(StoreDatabaseCollection.Name)]
public sealed class StatisticsProjectorTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private readonly OctoberOffice office = new(database.DataSource);

    private StatisticsProjector Projector => new(database.DataSource, StatisticsCatalog.Instance, office.Clock);

    [Fact]
    public async Task RunAsync_ReadsOnlyCasesWhoseHistoryGrew_WhenRunAgain()
    {
        await office.SetUpOrganisationAsync();
        await office.RunOctoberAsync();

        var first = await Projector.RunAsync();
        var second = await Projector.RunAsync();
        office.Clock.SetUtcNow(OctoberOffice.At(11, 2, 10));
        await office.Do(office.D, "approve", Actor.Staff("clerk-2", "clerk"));
        var third = await Projector.RunAsync();

        // A to E, the complaint and the inquiry; then only D.
        Assert.Equal((7, 0, 1), (first, second, third));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var d = await connection.QuerySingleAsync<(int Length, DateTime? Completed)>(
            "select history_length, completed_at from case_facts where case_id = @D", new { office.D });
        // Opened, then approved and completed: three entries.
        Assert.Equal((3, OctoberOffice.At(11, 2, 10).UtcDateTime), (d.Length, d.Completed));
    }

    [Fact]
    public async Task RunAsync_ProjectsACaseOnTheNextRun_WhenItsTransactionStartedBeforeARunAndCommittedAfter()
    {
        await office.SetUpOrganisationAsync();
        office.Clock.SetUtcNow(OctoberOffice.At(10, 8, 10));
        await using var holder = await database.DataSource.OpenConnectionAsync();
        await using var hold = await holder.BeginTransactionAsync();
        // An intake inserts into `cases`: with the table held it is stamped now and commits only on release.
        await holder.ExecuteAsync("lock table cases in share mode", transaction: hold);
        var late = Guid.NewGuid();
        var intake = office.Commands.OpenAsync(StatisticsCatalog.Permit, late,
            new CaseCommand("accept", Actor.Staff("clerk-1", "clerk"), 0, new Dictionary<string, string> { ["window"] = "w1" }));
        await using (var watcher = await database.DataSource.OpenConnectionAsync())
        {
            while (!await watcher.ExecuteScalarAsync<bool>(
                "select exists (select 1 from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database())"))
            {
                await Task.Delay(20);
            }
        }
        // Older than any margin a run could leave for a transaction it did not see.
        await Task.Delay(TimeSpan.FromSeconds(3));

        var whileOpen = await Projector.RunAsync();
        await hold.CommitAsync();
        await intake;
        var afterCommit = await Projector.RunAsync();
        var again = await Projector.RunAsync();

        Assert.Equal((0, 1, 0), (whileOpen, afterCommit, again));
    }

    [Fact]
    public async Task RunAsync_StoresTheFactsOfEachCase_WhenOctoberRan()
    {
        await office.SetUpOrganisationAsync();
        await office.RunOctoberAsync();

        await Projector.RunAsync();

        await using var connection = await database.DataSource.OpenConnectionAsync();
        var rows = (await connection.QueryAsync<(Guid Id, string? Department, string? Window, string? Staff, string Item, string Kind, bool Early, int? Used, int? Statutory, int Supplements, int Extensions)>(
            """
            select case_id, department_id, window_id, staff_id, item_code, kind, completed_early, working_days_used,
                   statutory_working_days, cardinality(supplements), cardinality(extensions)
            from case_facts
            """)).ToDictionary(r => r.Id);
        Assert.Equal(("civil", "w1", "clerk-1", "SC-01", "immediate", false, (int?)0, (int?)null), Pick(rows[office.A]));
        Assert.Equal(("civil", "w1", "clerk-1", "SP-01", "promised", true, (int?)4, (int?)10), Pick(rows[office.B]));
        Assert.Equal(("civil", "w2", "clerk-2", "SP-01", "promised", false, (int?)13, (int?)10), Pick(rows[office.C]));
        Assert.Equal((0, 1), (rows[office.C].Supplements, rows[office.C].Extensions));
        Assert.Equal((1, 0), (rows[office.E].Supplements, rows[office.E].Extensions));

        static (string?, string?, string?, string, string, bool, int?, int?) Pick(
            (Guid Id, string? Department, string? Window, string? Staff, string Item, string Kind, bool Early, int? Used, int? Statutory, int Supplements, int Extensions) r) =>
            (r.Department, r.Window, r.Staff, r.Item, r.Kind, r.Early, r.Used, r.Statutory);
    }
}
