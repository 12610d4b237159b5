using Dapper;
using ServiceWindow.Persistence.Months;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Tests.Statistics;

[Collection(StoreDatabaseCollection.Name)]
public sealed class LiveFiguresTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private static readonly DateOnly September = new(2026, 9, 1);
    private static readonly DateOnly October = new(2026, 10, 1);

    private readonly OctoberOffice office = new(database.DataSource);

    private LiveFigures Live(TimeSpan? maxAge = null) =>
        new(database.DataSource, StatisticsCatalog.Instance, office.Clock, Options(maxAge));

    private MonthlyStatistics Statistics(TimeSpan? maxAge = null) =>
        new(database.DataSource, StatisticsCatalog.Instance, office.Clock, Options(maxAge));

    private static StatisticsOptions Options(TimeSpan? maxAge) => maxAge is { } age ? new StatisticsOptions { LiveMaxAge = age } : new StatisticsOptions();

    private async Task RunOctoberAndProjectAsync()
    {
        await office.SetUpOrganisationAsync();
        await office.RunOctoberAsync();
        await new StatisticsProjector(database.DataSource, StatisticsCatalog.Instance, office.Clock).RunAsync();
    }

    [Fact]
    public async Task GetAsync_ServesTheStoredWindowRows_WhenRefreshedWithinTheMaxAge()
    {
        await RunOctoberAndProjectAsync();
        var refreshedAt = OctoberOffice.At(10, 31, 20);
        office.Clock.SetUtcNow(refreshedAt);
        await Live().RefreshAsync();
        office.Clock.Advance(TimeSpan.FromSeconds(40));

        var report = await Statistics().GetAsync(October, StatisticsDimension.Window);

        Assert.Equal(refreshedAt, report.AsOf);
        Assert.Equal(["w1", "w2"], report.Rows.Select(r => r.Key));
        var (w1, w2) = (report.Rows[0].Figures, report.Rows[1].Figures);
        // As MonthlyStatisticsTests works them out: w1 took A and B, both on time, B a day early;
        // w2 took D, E and the complaint case; C (September's) came in late, D is open past 10-29.
        Assert.Equal((2L, 2L, 2L, 1L, 0L), (w1.Accepted, w1.Completed, w1.CompletedOnTime, w1.CompletedEarly, w1.Overdue));
        Assert.Equal((3L, 1L, 0L, 2L, 1L), (w2.Accepted, w2.Completed, w2.CompletedOnTime, w2.Overdue, w2.StatutoryBreaches));
        Assert.Equal((5L, 3L, 2L), (report.Total.Figures.Accepted, report.Total.Figures.Ratings, report.Total.Figures.Findings));
    }

    [Fact]
    public async Task GetAsync_JudgesOpenCasesWhenTheFiguresWereStored_WhileTheyAreYoungerThanTheMaxAge()
    {
        await RunOctoberAndProjectAsync();
        // D's promised deadline is 10-29 at office close: at noon it is not yet overdue.
        var refreshedAt = OctoberOffice.At(10, 29, 12);
        office.Clock.SetUtcNow(refreshedAt);
        await Live(TimeSpan.FromDays(5)).RefreshAsync();
        office.Clock.SetUtcNow(OctoberOffice.At(10, 31, 20));

        var stored = await Statistics(TimeSpan.FromDays(5)).GetAsync(October, StatisticsDimension.Total);
        var computed = await Statistics().GetAsync(October, StatisticsDimension.Total);

        Assert.Equal((refreshedAt, 0L), (stored.AsOf, stored.Total.Figures.OpenPastPromised));
        Assert.Equal((OctoberOffice.At(10, 31, 20), 1L), (computed.AsOf, computed.Total.Figures.OpenPastPromised));
    }

    [Fact]
    public async Task RefreshAsync_StoresTheMonthBeforeToo_UntilItIsClosed()
    {
        await office.SetUpOrganisationAsync();
        office.Clock.SetUtcNow(OctoberOffice.At(10, 1, 0, 30));

        var beforeClose = await Live().RefreshAsync();
        await new MonthlyClose(database.DataSource, StatisticsCatalog.Instance, office.Clock).CloseAsync(September);
        var afterClose = await Live().RefreshAsync();

        Assert.Equal([September, October], beforeClose);
        Assert.Equal([October], afterClose);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var stored = await connection.QueryAsync<DateTime>("select month from statistics_live_months order by month");
        Assert.Equal([October.ToDateTime(TimeOnly.MinValue)], stored);
        // Every dimension of October has its total row, even with no case yet.
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>(
            "select count(*) from statistics_live_rows where month = '2026-10-01' and dimension = 'total'"));
    }

    [Fact]
    public async Task RefreshAsync_StoresNothing_WhileAnotherHostIsRefreshing()
    {
        await office.SetUpOrganisationAsync();
        office.Clock.SetUtcNow(OctoberOffice.At(10, 12, 10));
        await using var other = await database.DataSource.OpenConnectionAsync();
        await using var transaction = await other.BeginTransactionAsync();
        Assert.True(await other.ExecuteScalarAsync<bool>("select pg_try_advisory_xact_lock(@RefreshLock)", new { LiveFigures.RefreshLock }, transaction));

        var months = await Live().RefreshAsync();

        Assert.Empty(months);
        Assert.Equal(0, await other.ExecuteScalarAsync<int>("select count(*) from statistics_live_months", transaction: transaction));
    }
}
