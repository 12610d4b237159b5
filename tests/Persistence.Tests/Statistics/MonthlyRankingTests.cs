using Dapper;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Persistence.Tests.Satisfaction;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Tests.Statistics;

/// Closed months whose frozen rows by window are written by hand; chief-1 heads w1, chief-2 heads w2.
[Collection(StoreDatabaseCollection.Name)]
public sealed class MonthlyRankingTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private static readonly DateOnly September = new(2026, 9, 1);
    private static readonly DateOnly October = new(2026, 10, 1);

    private readonly SatisfactionOffice office = new(database.DataSource);

    private MonthlyRanking Ranking(RankingWeights? weights = null) => new(database.DataSource, SatisfactionCatalog.Instance, office.Clock, weights);

    private async Task CloseAsync(DateOnly month, params (string Window, string Counts)[] rows)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var day = month.ToDateTime(TimeOnly.MinValue);
        await connection.ExecuteAsync(
            "insert into month_closes (month, closed_at, history_entries, snapshot) values (@day, @closed, 0, '{}')",
            new { day, closed = DateTime.SpecifyKind(day.AddMonths(1), DateTimeKind.Utc) });
        foreach (var (window, counts) in rows)
        {
            await connection.ExecuteAsync(
                "insert into statistics_frozen_rows (month, dimension, key, counts) values (@day, 'window', @window, @counts::jsonb)",
                new { day, window, counts });
        }
    }

    [Fact]
    public async Task RankAsync_FilesOneInterviewForTheChief_WhenAWindowIsLastTwiceAndTheRankingRunsAgain()
    {
        await office.SetUpAsync();
        // September: w1 60*10/10 = 60; w2 60*5/10 = 30, last.
        await CloseAsync(September, ("w1", """{"completed": 10, "completedOnTime": 10}"""), ("w2", """{"completed": 10, "completedOnTime": 5}"""));
        // October: w1 60*4/4 + 40*2/2 = 100; w2 60*8/10 = 48, one open past its promise -2 = 46, last again.
        await CloseAsync(October,
            ("w1", """{"completed": 4, "completedOnTime": 4, "ratings": 2, "ratingsSatisfied": 2}"""),
            ("w2", """{"completed": 10, "completedOnTime": 8, "openPastPromised": 1}"""));
        office.Clock.SetUtcNow(OctoberOffice.At(11, 1, 3));

        var first = await Ranking().RankAsync(October);
        var again = await Ranking().RankAsync(October);

        Assert.NotNull(first);
        Assert.Equal([(1, "w1", 100m), (2, "w2", 46m)], first.Report.Entries.Select(e => (e.Position, e.Window, e.Score)));
        var interview = Assert.Single(first.Interviews);
        Assert.Equal(("w2", "chief-2"), (interview.WindowId, interview.ChiefId));
        Assert.NotNull(interview.FindingId);
        Assert.Equal([new RankingInterview("w2", "chief-2", null)], again!.Interviews);
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal([("interview", "chief-2", "w2", "open")], await connection.QueryAsync<(string, string, string, string)>(
            "select kind, responsible_staff_id, window_id, status from findings"));
        Assert.Equal([("efficiency_office", "2026-10", "w1", "w2")], await connection.QueryAsync<(string, string, string, string)>(
            "select recipient, data->>'month', data->>'first', data->>'last' from outbox where template = 'ranking.report'"));
    }

    [Fact]
    public async Task RankAsync_FilesNoInterview_WhenTheLastWindowWasNotLastTheMonthBefore()
    {
        await office.SetUpAsync();
        await CloseAsync(September, ("w1", """{"completed": 10, "completedOnTime": 5}"""), ("w2", """{"completed": 10, "completedOnTime": 10}"""));
        await CloseAsync(October, ("w1", """{"completed": 10, "completedOnTime": 10}"""), ("w2", """{"completed": 10, "completedOnTime": 5}"""));
        office.Clock.SetUtcNow(OctoberOffice.At(11, 1, 3));

        var result = await Ranking().RankAsync(October);

        Assert.Equal(["w1", "w2"], result!.Report.Entries.Select(e => e.Window));
        Assert.Empty(result.Interviews);
    }

    [Fact]
    public async Task RankAsync_OrdersByTheConfiguredWeights_WhenTheyChange()
    {
        await office.SetUpAsync();
        await CloseAsync(October,
            ("w1", """{"completed": 10, "completedOnTime": 10, "ratings": 10, "ratingsSatisfied": 5}"""),
            ("w2", """{"completed": 10, "completedOnTime": 7, "ratings": 10, "ratingsSatisfied": 10}"""));
        office.Clock.SetUtcNow(OctoberOffice.At(11, 1, 3));
        var punctual = new RankingWeights { OnTime = 80m, Satisfaction = 20m };

        // Defaults 60/40: w1 60 + 20 = 80, w2 42 + 40 = 82. With 80/20: w1 80 + 10 = 90, w2 56 + 20 = 76.
        var byDefault = await Ranking().RankAsync(October);
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("delete from window_rankings");
        }
        var byPunctuality = await Ranking(punctual).RankAsync(October);

        Assert.Equal([("w2", 82m), ("w1", 80m)], byDefault!.Report.Entries.Select(e => (e.Window, e.Score)));
        Assert.Equal([("w1", 90m), ("w2", 76m)], byPunctuality!.Report.Entries.Select(e => (e.Window, e.Score)));
        Assert.Equal(punctual, byPunctuality.Report.Weights);
    }

    [Fact]
    public async Task RankAsync_CountsAFindingConfirmedInTheMonthAgainstItsWindow_WhenScoring()
    {
        await office.SetUpAsync();
        await CloseAsync(October, ("w1", """{"completed": 2, "completedOnTime": 2}"""), ("w2", """{"completed": 2, "completedOnTime": 2}"""));
        await using (var connection = await database.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                insert into findings (id, kind, responsible_staff_id, reason, status, opened_at, statement, statement_at, decided_at, decided_by) values
                    (gen_random_uuid(), 'inaction', 'clerk-1', 'untouched', 'confirmed', '2026-10-05 09:00+08', 's', '2026-10-06 09:00+08', '2026-10-20 09:00+08', 'eff-1'),
                    (gen_random_uuid(), 'inaction', 'clerk-2', 'untouched', 'confirmed', '2026-09-05 09:00+08', 's', '2026-09-06 09:00+08', '2026-09-20 09:00+08', 'eff-1');
                """);
        }
        office.Clock.SetUtcNow(OctoberOffice.At(11, 1, 3));

        var result = await Ranking().RankAsync(October);

        // w1 60 - 10 for clerk-1's finding confirmed 10-20; clerk-2's was confirmed in September.
        Assert.Equal([("w2", 60m), ("w1", 50m)], result!.Report.Entries.Select(e => (e.Window, e.Score)));
    }

    [Fact]
    public async Task RankAsync_RanksNothing_WhenTheMonthIsNotClosed()
    {
        await office.SetUpAsync();
        office.Clock.SetUtcNow(OctoberOffice.At(10, 31, 20));

        Assert.Null(await Ranking().RankAsync(October));
        Assert.Null(await Ranking().GetAsync(October));
    }
}
