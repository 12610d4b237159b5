using Dapper;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Persistence.Tests.Satisfaction;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Testing;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Tests.Statistics;

/// The fourth quarter of 2026 at the October office with a third window, w3 (clerk-3): frozen rows
/// by window and staff written by hand for October, November and December.
[Collection(StoreDatabaseCollection.Name)]
public sealed class QuarterlyHonoursRegisterTests(StoreDatabase database) : CleanDatabaseTest(database)
{
    private static readonly StatisticsQuarter Q4 = new(2026, 4);
    private static readonly DateOnly October = new(2026, 10, 1);
    private static readonly DateOnly November = new(2026, 11, 1);
    private static readonly DateOnly December = new(2026, 12, 1);
    private static readonly DateTimeOffset NewYear = new(2027, 1, 1, 4, 0, 0, OctoberOffice.Shanghai);

    private readonly SatisfactionOffice office = new(database.DataSource);

    private QuarterlyHonoursRegister Register(RankingWeights? weights = null, HonoursPlaces? places = null) =>
        new(database.DataSource, SatisfactionCatalog.Instance, office.Clock, weights, places ?? new HonoursPlaces { RedFlagWindows = 1, ServiceStars = 1 });

    private async Task SetUpAsync()
    {
        await office.SetUpAsync();
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into windows (id, department_id, name_zh, name_en) values ('w3', 'civil', '三号窗口', 'Window 3');
            insert into staff (id, display_name, department_id, window_id) values ('clerk-3', '刘洋', 'civil', 'w3');
            """);
        office.Clock.SetUtcNow(NewYear);
    }

    private async Task CloseAsync(DateOnly month, params (string Dimension, string Key, string Counts)[] rows)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        var day = month.ToDateTime(TimeOnly.MinValue);
        await connection.ExecuteAsync(
            "insert into month_closes (month, closed_at, history_entries, snapshot) values (@day, @closed, 0, '{}')",
            new { day, closed = DateTime.SpecifyKind(day.AddMonths(1), DateTimeKind.Utc) });
        foreach (var (dimension, key, counts) in rows)
        {
            await connection.ExecuteAsync(
                "insert into statistics_frozen_rows (month, dimension, key, counts) values (@day, @dimension, @key, @counts::jsonb)",
                new { day, dimension, key, counts });
        }
    }

    private async Task ConfirmFindingAsync(string staffId, string decidedAt, string status = "confirmed")
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into findings (id, kind, responsible_staff_id, reason, status, opened_at, statement, statement_at, decided_at, decided_by)
            values (gen_random_uuid(), 'inaction', @staffId, 'untouched', @status, @decided::timestamptz - interval '10 days',
                    's', @decided::timestamptz - interval '5 days', @decided::timestamptz, 'eff-1')
            """, new { staffId, status, decided = decidedAt });
    }

    // By window, over the quarter, default weights (on time 60, satisfaction 40, -2 per overdue, -5 per breach):
    //   w1: 30/30 on time, 10/10 satisfied                          => 60 + 40          = 100, but clerk-1's finding of 11-10 bars it
    //   w2: 36/40 on time, 18/20 satisfied, 4 late less 1 adjusted   => 54 + 36 - 3*2    = 84
    //   w3: 9/10 on time, 3/5 satisfied, 1 late, 1 statutory breach  => 54 + 24 - 2 - 5  = 71
    // By staff: clerk-1 barred too; clerk-2 19/20 on time, 1 late => 57 - 2 = 55; clerk-3 (December only)
    // 2/2 on time, 5/5 satisfied => 100; the unnamed key "" is nobody's.
    private async Task CloseTheQuarterAsync()
    {
        await CloseAsync(October,
            ("window", "w1", """{"completed": 10, "completedOnTime": 10, "ratings": 4, "ratingsSatisfied": 4}"""),
            ("window", "w2", """{"completed": 10, "completedOnTime": 9, "completedLate": 1, "ratings": 5, "ratingsSatisfied": 5}"""),
            ("window", "w3", """{"completed": 4, "completedOnTime": 4}"""),
            ("staff", "clerk-1", """{"completed": 10, "completedOnTime": 10}"""),
            ("staff", "clerk-2", """{"completed": 10, "completedOnTime": 9, "completedLate": 1}"""),
            ("staff", "", """{"completed": 50, "completedOnTime": 50, "ratings": 50, "ratingsSatisfied": 50}"""));
        await CloseAsync(November,
            ("window", "w1", """{"completed": 10, "completedOnTime": 10, "ratings": 4, "ratingsSatisfied": 4}"""),
            ("window", "w2", """{"completed": 10, "completedOnTime": 10, "ratings": 5, "ratingsSatisfied": 4}"""),
            ("window", "w3", """{"completed": 4, "completedOnTime": 3, "completedLate": 1, "statutoryBreaches": 1}"""),
            ("staff", "clerk-1", """{"completed": 10, "completedOnTime": 10}"""),
            ("staff", "clerk-2", """{"completed": 10, "completedOnTime": 10}"""));
        await CloseAsync(December,
            ("window", "w1", """{"completed": 10, "completedOnTime": 10, "ratings": 2, "ratingsSatisfied": 2}"""),
            ("window", "w2", """{"completed": 20, "completedOnTime": 17, "completedLate": 3, "ratings": 10, "ratingsSatisfied": 9}"""),
            ("window", "w3", """{"completed": 2, "completedOnTime": 2, "ratings": 5, "ratingsSatisfied": 3}"""),
            ("staff", "clerk-1", """{"completed": 10, "completedOnTime": 10}"""),
            ("staff", "clerk-3", """{"completed": 2, "completedOnTime": 2, "ratings": 5, "ratingsSatisfied": 5}"""));
        await new MonthlyStatistics(database.DataSource, SatisfactionCatalog.Instance, office.Clock)
            .AdjustAsync(December, StatisticsDimension.Window, "w2", "completedLate", -1, "one late case counted twice", "eff-1");
        // Within the quarter: bars clerk-1 and, through clerk-1, w1. A minute outside it, and a dismissed one, bar nobody.
        await ConfirmFindingAsync("clerk-1", "2026-11-10 09:00+08");
        await ConfirmFindingAsync("clerk-2", "2026-09-30 23:59+08");
        await ConfirmFindingAsync("clerk-3", "2027-01-01 00:00+08");
        await ConfirmFindingAsync("clerk-3", "2026-12-15 09:00+08", status: "dismissed");
    }

    [Fact]
    public async Task AwardAsync_NamesTheSecondBestWindow_WhenTheBestHasAFindingConfirmedInTheQuarter()
    {
        await SetUpAsync();
        await CloseTheQuarterAsync();

        var honours = await Register().AwardAsync(Q4);

        Assert.NotNull(honours);
        var redFlag = Assert.Single(honours.RedFlagWindows);
        Assert.Equal((1, "w2", 84m), (redFlag.Position, redFlag.Window, redFlag.Score));
        Assert.Equal(
            [
                new RankingLine("onTimeRate", 0.9m, 36, 40, 60m, 54m),
                new RankingLine("satisfactionRate", 0.9m, 18, 20, 40m, 36m),
                new RankingLine("overdue", 3m, 3, null, 2m, -6m),
                new RankingLine("statutoryBreaches", 0m, 0, null, 5m, 0m),
                new RankingLine("confirmedFindings", 0m, 0, null, 10m, 0m),
            ], redFlag.Lines);
        Assert.Equal(redFlag.Score, redFlag.Lines.Sum(l => l.Points));
        var star = Assert.Single(honours.ServiceStars);
        Assert.Equal((1, "clerk-3", 100m), (star.Position, star.Window, star.Score));
        Assert.Equal(star.Score, star.Lines.Sum(l => l.Points));
        Assert.Equal([new BarredCandidate("w1", 1)], honours.BarredWindows);
        Assert.Equal([new BarredCandidate("clerk-1", 1)], honours.BarredStaff);
        Assert.Equal((new RankingWeights(), new HonoursPlaces { RedFlagWindows = 1, ServiceStars = 1 }), (honours.Weights, honours.Places));
        Assert.Equal(NewYear, honours.AwardedAt);
    }

    [Fact]
    public async Task AwardAsync_StoresAndCirculatesOnce_WhenRunAgain()
    {
        await SetUpAsync();
        await CloseTheQuarterAsync();

        var first = await Register().AwardAsync(Q4);
        office.Clock.Advance(TimeSpan.FromHours(1));
        var again = await Register().AwardAsync(Q4);

        Assert.Equal(first!.AwardedAt, again!.AwardedAt);
        Assert.Equal(first.RedFlagWindows.Select(e => (e.Window, e.Score)), again.RedFlagWindows.Select(e => (e.Window, e.Score)));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from quarterly_honours"));
        Assert.Equal([("efficiency_office", "2026-Q4", "w2", "clerk-3")], await connection.QueryAsync<(string, string, string, string)>(
            """
            select recipient, data->>'quarter', data->>'red_flag_windows', data->>'service_stars'
            from outbox where template = 'honours.report'
            """));
    }

    [Fact]
    public async Task AwardAsync_NamesAsManyAsThePlacesWithTheirWeights_WhenConfigured()
    {
        await SetUpAsync();
        await CloseTheQuarterAsync();
        var punctual = new RankingWeights { OnTime = 80m, Satisfaction = 20m };

        var honours = await Register(punctual, new HonoursPlaces { RedFlagWindows = 2, ServiceStars = 0 }).AwardAsync(Q4);

        // With 80/20: w2 72 + 18 - 6 = 84; w3 72 + 12 - 2 - 5 = 77. No service stars: the message leaves them out.
        Assert.Equal([(1, "w2", 84m), (2, "w3", 77m)], honours!.RedFlagWindows.Select(e => (e.Position, e.Window, e.Score)));
        Assert.Empty(honours.ServiceStars);
        Assert.Equal((punctual, 2, 0), (honours.Weights, honours.Places.RedFlagWindows, honours.Places.ServiceStars));
        await using var connection = await database.DataSource.OpenConnectionAsync();
        Assert.Equal([("w2,w3", (string?)null)], await connection.QueryAsync<(string, string?)>(
            "select data->>'red_flag_windows', data->>'service_stars' from outbox where template = 'honours.report'"));
    }

    [Fact]
    public async Task AwardAsync_StoresNothing_WhenTheQuartersLastMonthIsNotClosed()
    {
        await SetUpAsync();
        await CloseAsync(October, ("window", "w2", """{"completed": 1, "completedOnTime": 1}"""));
        await CloseAsync(November, ("window", "w2", """{"completed": 1, "completedOnTime": 1}"""));

        Assert.Null(await Register().AwardAsync(Q4));
        Assert.Null(await Register().GetAsync(Q4));
        Assert.Empty(await office.OutboxAsync("honours."));
    }
}
