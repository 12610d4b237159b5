using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Host.Scheduling;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Scheduling;

/// The demo office: 婚姻登记2号窗口 (marriage-2) has no chief of its own, so the civil-affairs section
/// chief 陈静 (chen.jing) answers for it.
[Collection(HostDatabase.Name)]
public sealed class MonthlyRankingJobTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.FromHours(8)));

    private MonthlyRankingJob Job()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ConnectionStrings:ServiceWindow", fixture.ConnectionString)])
            .Build();
        var catalog = new FileWorkflowCatalog(configuration);
        return new MonthlyRankingJob(new MonthlyRanking(fixture.DataSource, catalog, clock), catalog, clock, NullLogger<MonthlyRankingJob>.Instance);
    }

    private async Task CloseAsync(string month, string marriage1, string marriage2)
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into month_closes (month, closed_at, history_entries, snapshot) values (@month::date, @month::date + interval '1 month', 0, '{}');
            insert into statistics_frozen_rows (month, dimension, key, counts) values
                (@month::date, 'window', 'marriage-1', @marriage1::jsonb), (@month::date, 'window', 'marriage-2', @marriage2::jsonb);
            """, new { month, marriage1, marriage2 });
    }

    [Fact]
    public async Task RunAsync_FilesTheInterviewOnce_WhenAWindowIsLastTwiceAndTheJobRunsAgain()
    {
        await fixture.LoadDemoOrganisationAsync();
        // Both months: marriage-1 60*2/2 = 60, marriage-2 60*1/2 = 30.
        await CloseAsync("2026-09-01", """{"completed": 2, "completedOnTime": 2}""", """{"completed": 2, "completedOnTime": 1}""");
        await CloseAsync("2026-10-01", """{"completed": 2, "completedOnTime": 2}""", """{"completed": 2, "completedOnTime": 1}""");

        await Job().RunAsync(CancellationToken.None);
        await Job().RunAsync(CancellationToken.None);

        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        Assert.Equal([("interview", "chen.jing", "marriage-2", new DateTime(2026, 10, 1))], await connection.QueryAsync<(string, string, string, DateTime)>(
            "select kind, responsible_staff_id, window_id, ranking_month from findings"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("select count(*) from outbox where template = 'ranking.report'"));
    }

    [Fact]
    public async Task RunAsync_Fails_WhenTheMonthIsNotClosedYet()
    {
        await fixture.LoadDemoOrganisationAsync();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Job().RunAsync(CancellationToken.None));

        Assert.Equal("2026-10 is not closed yet: the ranking waits for the month close", refused.Message);
    }
}
