using ServiceWindow.Persistence.Months;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Tests.Statistics;

/// November 2026 at the office of <see cref="OctoberOffice"/>, with only inquiries and complaints, run
/// as cases of the shipped definitions:
///
/// - Inquiry 1, logged at w2 on Monday 11-02 09:00 and referred to w1 at 09:30 (limit 2 working hours,
///   11:30), acknowledged by clerk-1 at 10:30: on time.
/// - Inquiry 2, logged at w2 on 11-03 09:00 and referred to w1 at 09:30 (limit 11:30), acknowledged by
///   clerk-1 on 11-04 at 10:00: late.
/// - Complaint 1 at w2, lodged 11-05 09:00, verified against clerk-2 on 11-10.
/// - Complaint 2 at w2, lodged 11-06 09:00, dismissed on 11-09.
///
/// So w1 has 2 referrals, 1 acknowledged on time; w2 has 2 complaints, 1 verified.
[Collection(StoreDatabaseCollection.Name)]
public sealed class ReferralAndComplaintFiguresTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private static readonly DateOnly November = new(2026, 11, 1);

    private static readonly Actor Clerk1 = Actor.Staff("clerk-1", "clerk");
    private static readonly Actor Clerk2 = Actor.Staff("clerk-2", "clerk");
    private static readonly Actor Office = Actor.Staff("leader-1", "efficiency_office");

    private readonly OctoberOffice office = new(database.DataSource);

    private async Task RunNovemberAsync()
    {
        await office.SetUpOrganisationAsync();
        var (inquiry1, inquiry2, complaint1, complaint2) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        await At(11, 2, 9, 0, () => Log(inquiry1));
        await At(11, 2, 9, 30, () => office.Do(inquiry1, "refer", Clerk2, ("target_window", "w1"), ("contact", "13800000001")));
        await At(11, 2, 10, 30, () => office.Do(inquiry1, "acknowledge", Clerk1));
        await At(11, 3, 9, 0, () => Log(inquiry2));
        await At(11, 3, 9, 30, () => office.Do(inquiry2, "refer", Clerk2, ("target_window", "w1"), ("contact", "13800000002")));
        await At(11, 4, 10, 0, () => office.Do(inquiry2, "acknowledge", Clerk1));
        await At(11, 5, 9, 0, () => Lodge(complaint1));
        await At(11, 5, 9, 30, () => office.Do(complaint1, "assign", Office, ("handler", "leader-1")));
        await At(11, 6, 9, 0, () => Lodge(complaint2));
        await At(11, 6, 9, 30, () => office.Do(complaint2, "assign", Office, ("handler", "leader-1")));
        await At(11, 9, 15, 0, () => office.Do(complaint2, "dismiss", Office, ("reason", "the deadline was met")));
        await At(11, 10, 15, 0, () => office.Do(complaint1, "verify", Office, ("against", "clerk-2"), ("summary", "rude at the counter")));
    }

    private Task Log(Guid id) => office.Commands.OpenAsync(StatisticsCatalog.Inquiry, id, new CaseCommand("log", Clerk2, 0,
        new Dictionary<string, string> { ["channel"] = "counter", ["matter"] = "which papers to bring", ["window"] = "w2" }));

    private Task Lodge(Guid id) => office.Commands.OpenAsync(StatisticsCatalog.Complaint, id, new CaseCommand("lodge", Office, 0,
        new Dictionary<string, string> { ["complainant"] = "张伟", ["about"] = "the counter", ["window"] = "w2" }));

    private async Task At(int month, int day, int hour, int minute, Func<Task> act)
    {
        office.Clock.SetUtcNow(OctoberOffice.At(month, day, hour, minute));
        await act();
    }

    private static (long Referrals, long OnTime, long Complaints, long Verified) Counted(MonthlyFigures f) =>
        (f.Referrals, f.ReferralsAcknowledgedOnTime, f.Complaints, f.VerifiedComplaints);

    [Fact]
    public async Task GetAsync_CountsReferralsAndComplaintsOfTheirCases_WhenMonthIsUnderWay()
    {
        await RunNovemberAsync();
        await new StatisticsProjector(database.DataSource, StatisticsCatalog.Instance, office.Clock).RunAsync();
        office.Clock.SetUtcNow(OctoberOffice.At(11, 30, 20, 0));

        var report = await new MonthlyStatistics(database.DataSource, StatisticsCatalog.Instance, office.Clock).GetAsync(November, StatisticsDimension.Window);

        Assert.False(report.Closed);
        Assert.Equal(["w1", "w2"], report.Rows.Select(r => r.Key));
        Assert.Equal((2L, 1L, 0L, 0L), Counted(report.Rows[0].Figures));
        Assert.Equal((0L, 0L, 2L, 1L), Counted(report.Rows[1].Figures));
        Assert.Equal((2L, 1L, 2L, 1L), Counted(report.Total.Figures));
        Assert.Equal(0.5m, report.Rows[0].Figures.ReferralOnTimeRate.Value);
    }

    [Fact]
    public async Task VerifyAsync_ReproducesTheClosedReferralsAndComplaints_WhenRecomputedFromHistory()
    {
        await RunNovemberAsync();
        office.Clock.SetUtcNow(OctoberOffice.At(12, 1, 1, 0));
        Assert.True(await new MonthlyClose(database.DataSource, StatisticsCatalog.Instance, office.Clock).CloseAsync(November));

        var closed = await new MonthlyStatistics(database.DataSource, StatisticsCatalog.Instance, office.Clock).GetAsync(November, StatisticsDimension.Window);
        var verification = await new StatisticsVerification(database.DataSource, StatisticsCatalog.Instance).VerifyAsync(November);

        Assert.True(closed.Closed);
        Assert.Equal(["w1", "w2"], closed.Rows.Select(r => r.Key));
        Assert.Equal((2L, 1L, 0L, 0L), Counted(closed.Rows[0].Figures));
        Assert.Equal((0L, 0L, 2L, 1L), Counted(closed.Rows[1].Figures));
        Assert.True(verification.Intact, string.Join("; ", verification.Differences));
        // Two inquiries and two complaints, each recomputed from its own history.
        Assert.Equal(4, verification.CasesRecomputed);
    }
}
