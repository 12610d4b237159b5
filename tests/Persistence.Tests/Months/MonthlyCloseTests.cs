using Dapper;
using Microsoft.Extensions.Time.Testing;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Months;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Persistence.Tests.Statistics;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Tests.Months;

[Collection(StoreDatabaseCollection.Name)]
public sealed class MonthlyCloseTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    [Theory]
    [InlineData("01:00 on the 1st in Shanghai is still the last day in UTC", "2025-03-31T17:00:00Z", "2025-03-01")]
    [InlineData("January closes December of the year before", "2025-01-01T01:00:00+08:00", "2024-12-01")]
    [InlineData("late on the 1st", "2025-06-01T23:00:00+08:00", "2025-05-01")]
    public void PreviousMonth_IsTheMonthBeforeInOfficeTime(string edge, string now, string expected)
    {
        Assert.True(MonthlyClose.PreviousMonth(DateTimeOffset.Parse(now), StatisticsCatalog.Instance.Calendar.TimeZone) == DateOnly.Parse(expected), edge);
    }

    [Fact]
    public async Task CloseAsync_Refuses_WhenMonthHasNotEnded()
    {
        var close = new MonthlyClose(database.DataSource, StatisticsCatalog.Instance, new FakeTimeProvider(new DateTimeOffset(2025, 3, 31, 12, 0, 0, TimeSpan.FromHours(8))));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => close.CloseAsync(new DateOnly(2025, 3, 1)));
    }

    private static readonly DateOnly October = new(2026, 10, 1);

    private async Task<OctoberOffice> ClosedOctoberAsync()
    {
        var office = new OctoberOffice(database.DataSource);
        await office.SetUpOrganisationAsync();
        await office.RunOctoberAsync();
        office.Clock.SetUtcNow(OctoberOffice.At(11, 1, 1));
        Assert.True(await new MonthlyClose(database.DataSource, StatisticsCatalog.Instance, office.Clock).CloseAsync(October));
        return office;
    }

    private StatisticsVerification Verification => new(database.DataSource, StatisticsCatalog.Instance);

    [Fact]
    public async Task CloseAsync_FreezesTheHandWorkedFigures_WhenProjectorNeverRan()
    {
        var office = await ClosedOctoberAsync();

        var report = await new MonthlyStatistics(database.DataSource, StatisticsCatalog.Instance, office.Clock).GetAsync(October, StatisticsDimension.Window);

        Assert.True(report.Closed);
        Assert.Equal(OctoberOffice.At(11, 1, 1), report.AsOf);
        var total = report.Total.Figures;
        // Worked out in OctoberOffice: A, B, D, E and the complaint accepted; A, B, C completed, B early, C late; D open past promised.
        Assert.Equal((5L, 3L, 2L, 1L, 2L, 1L), (total.Accepted, total.Completed, total.CompletedOnTime, total.CompletedEarly, total.Overdue, total.StatutoryBreaches));
        Assert.Equal((2L, 17L, 20L), (total.TimedCompleted, total.WorkingDaysUsed, total.StatutoryWorkingDays));
        Assert.Equal(["w1", "w2"], report.Rows.Select(r => r.Key));
    }

    [Fact]
    public async Task CloseAsync_IsANoOp_WhenMonthIsClosedAgain()
    {
        var office = await ClosedOctoberAsync();
        office.Clock.SetUtcNow(OctoberOffice.At(11, 2, 10));
        await office.Do(office.D, "approve", Actor.Staff("clerk-2", "clerk"));

        var again = await new MonthlyClose(database.DataSource, StatisticsCatalog.Instance, office.Clock).CloseAsync(October);

        Assert.False(again);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        // Total, department civil, windows w1 and w2, staff clerk-1, clerk-2 and leader-1 (handling the complaint),
        // items SC-01, SP-01, complaint-handling and inquiry-referral: eleven rows, once.
        Assert.Equal(11, await connection.ExecuteScalarAsync<int>("select count(*) from statistics_frozen_rows where month = '2026-10-01'"));
        // A to E, the complaint and the inquiry that referred in October.
        Assert.Equal(7, await connection.ExecuteScalarAsync<int>("select count(*) from month_close_cases where month = '2026-10-01'"));
    }

    [Fact]
    public async Task VerifyAsync_FindsNoDifference_WhenCasesMovedOnAfterTheClose()
    {
        var office = await ClosedOctoberAsync();
        // D completes in November: October still counts it open past its promised deadline.
        office.Clock.SetUtcNow(OctoberOffice.At(11, 2, 10));
        await office.Do(office.D, "approve", Actor.Staff("clerk-2", "clerk"));
        await new StatisticsProjector(database.DataSource, StatisticsCatalog.Instance, office.Clock).RunAsync();

        var result = await Verification.VerifyAsync(October);

        Assert.True(result.Intact, string.Join("; ", result.Differences));
        Assert.Equal(7, result.CasesRecomputed);
    }

    [Fact]
    public async Task VerifyAsync_ListsEveryDifference_WhenAFrozenRowWasChanged()
    {
        await ClosedOctoberAsync();
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                update statistics_frozen_rows set counts = jsonb_set(counts, '{completedLate}', '0')
                where month = '2026-10-01' and dimension = 'window' and key = 'w2'
                """);
        }

        var result = await Verification.VerifyAsync(October);

        Assert.False(result.Intact);
        Assert.Equal(new FigureDifference(StatisticsDimension.Window, "w2", "completedLate", 0, 1), Assert.Single(result.Differences));
    }

    [Fact]
    public async Task VerifyAsync_ListsTheDifference_WhenARatingWasVoidedAfterTheClose()
    {
        await ClosedOctoberAsync();
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("update ratings set voided_at = '2026-11-03 10:00+08', void_reason = 'appeal upheld' where score = 2");
        }

        var result = await Verification.VerifyAsync(October);

        // The 2 of w2 by clerk-2: one rating and one bad review fewer in the total, the department, the window, the staff member and the item.
        Assert.Equal(10, result.Differences.Count);
        Assert.All(result.Differences, d => Assert.Equal(d.Frozen - 1, d.Recomputed));
        Assert.Equal(["badReviews", "ratings"], result.Differences.Select(d => d.Count).Distinct().Order());
    }

    [Fact]
    public async Task VerifyAsync_ListsTheDifference_WhenProjectedFactsDisagreedWithTheHistory()
    {
        var office = new OctoberOffice(database.DataSource);
        await office.SetUpOrganisationAsync();
        await office.RunOctoberAsync();
        await new StatisticsProjector(database.DataSource, StatisticsCatalog.Instance, office.Clock).RunAsync();
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("update case_facts set completed_early = false where case_id = @B", new { office.B });
        }
        office.Clock.SetUtcNow(OctoberOffice.At(11, 1, 1));
        await new MonthlyClose(database.DataSource, StatisticsCatalog.Instance, office.Clock).CloseAsync(October);

        var result = await Verification.VerifyAsync(October);

        // B (w1, clerk-1, SP-01, civil) was early by its history: one early completion missing in five rows.
        Assert.Equal(
            [(StatisticsDimension.Department, "civil"), (StatisticsDimension.Window, "w1"), (StatisticsDimension.Staff, "clerk-1"),
             (StatisticsDimension.Item, "SP-01"), (StatisticsDimension.Total, "")],
            result.Differences.Select(d => (d.Dimension, d.Key)));
        Assert.All(result.Differences, d => Assert.Equal(("completedEarly", 0L, 1L), (d.Count, d.Frozen, d.Recomputed)));
    }

    [Fact]
    public async Task VerifyAsync_SaysNotClosed_WhenMonthIsOpen()
    {
        var result = await Verification.VerifyAsync(October);

        Assert.Equal((false, false), (result.Closed, result.Intact));
    }
}
