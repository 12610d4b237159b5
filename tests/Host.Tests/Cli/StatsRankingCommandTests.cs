using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Host.Cli;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Cli;

[Collection(HostDatabase.Name)]
public sealed class StatsRankingCommandTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    private IConfiguration Configuration => new ConfigurationBuilder()
        .AddInMemoryCollection([new("ConnectionStrings:ServiceWindow", fixture.ConnectionString)])
        .Build();

    [Fact]
    public async Task Ranking_ExitsOne_WhenTheMonthWasNotRanked()
    {
        var (exit, output, _) = await RunAsync("stats", "ranking", "--month", "2026-10");

        Assert.Equal(1, exit);
        Assert.Contains("2026-10: not ranked yet", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ranking_PrintsEachScoreLineByLine_WhenTheMonthWasRanked()
    {
        await fixture.LoadDemoOrganisationAsync();
        await using (var connection = await fixture.DataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync(
                """
                insert into month_closes (month, closed_at, history_entries, snapshot) values ('2026-10-01', '2026-10-31 17:00Z', 0, '{}');
                insert into statistics_frozen_rows (month, dimension, key, counts) values
                    ('2026-10-01', 'window', 'marriage-1', '{"completed": 4, "completedOnTime": 3, "ratings": 2, "ratingsSatisfied": 2}'),
                    ('2026-10-01', 'window', 'marriage-2', '{"completed": 2, "completedOnTime": 2, "completedLate": 0, "openPastPromised": 1}');
                """);
        }
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 3, 0, 0, TimeSpan.FromHours(8)));
        await new MonthlyRanking(fixture.DataSource, new FileWorkflowCatalog(Configuration), clock).RankAsync(new DateOnly(2026, 10, 1));

        var (exit, output, _) = await RunAsync("stats", "ranking", "--month", "2026-10");

        // marriage-1: 60*3/4 = 45 + 40*2/2 = 40 => 85; marriage-2: 60*2/2 = 60, one overdue -2 => 58.
        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.StartsWith("2026-10 window ranking, weights: on time 60, satisfaction 40", lines[0], StringComparison.Ordinal);
        Assert.Equal("1  marriage-1  85", lines[1]);
        Assert.Equal("onTimeRate         3/4       x 60    = 45", lines[2]);
        Assert.Equal("2  marriage-2  58", lines[7]);
        Assert.Equal("overdue            1         x 2     = -2", lines[10]);
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exit = await CliDispatcher.TryRunAsync(args, output, error, Configuration);
        return (exit ?? -1, output.ToString(), error.ToString());
    }
}
