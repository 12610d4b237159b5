using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using ServiceWindow.Host.Scheduling;
using ServiceWindow.Testing;

namespace ServiceWindow.Host.Tests.Scheduling;

/// The demo office's fourth quarter of 2026 (see DemoQuarter), awarded at 04:00 on New Year's Day.
[Collection(HostDatabase.Name)]
public sealed class QuarterlyHonoursJobTests(HostDatabaseFixture fixture) : CleanDatabaseTest(fixture)
{
    private QuarterlyHonoursJob Job() => new(DemoQuarter.Register(fixture), DemoQuarter.Catalog(fixture),
        new FakeTimeProvider(DemoQuarter.NewYear), NullLogger<QuarterlyHonoursJob>.Instance);

    [Fact]
    public async Task RunAsync_StoresAndCirculatesTheSecondBestOnce_WhenTheBestIsBarredAndTheJobRunsAgain()
    {
        await fixture.LoadDemoOrganisationAsync();
        await DemoQuarter.CloseAsync(fixture);

        await Job().RunAsync(CancellationToken.None);
        await Job().RunAsync(CancellationToken.None);

        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        Assert.Equal([(new DateTime(2026, 10, 1), "marriage-2", 84m, "li.na", "marriage-1")],
            await connection.QueryAsync<(DateTime, string, decimal, string, string)>(
                """
                select quarter, red_flag_windows->0->>'window', (red_flag_windows->0->>'score')::numeric,
                       service_stars->0->>'window', barred_windows->0->>'key'
                from quarterly_honours
                """));
        Assert.Equal([("efficiency_office", "2026-Q4", "marriage-2", "li.na")], await connection.QueryAsync<(string, string, string, string)>(
            """
            select recipient, data->>'quarter', data->>'red_flag_windows', data->>'service_stars'
            from outbox where template = 'honours.report'
            """));
    }

    [Fact]
    public async Task RunAsync_Fails_WhenTheQuartersLastMonthIsNotClosedYet()
    {
        await fixture.LoadDemoOrganisationAsync();
        await DemoQuarter.CloseAsync(fixture, december: false);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => Job().RunAsync(CancellationToken.None));

        Assert.Equal("2026-Q4 is not closed yet: the honours wait for the close of its three months", refused.Message);
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from quarterly_honours"));
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from outbox"));
    }

    [Theory]
    [InlineData("2027-01-01 04:00", "2026-Q4")] // the scheduled run
    [InlineData("2027-01-03 10:00", "2026-Q4")] // a run missed and made up later
    [InlineData("2026-10-01 04:00", "2026-Q3")]
    public async Task RunAsync_AwardsTheQuarterJustEnded_WhenRunOnAQuartersFirstDays(string officeTime, string expected)
    {
        await fixture.LoadDemoOrganisationAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(DateTime.Parse(officeTime, System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromHours(8)));
        var job = new QuarterlyHonoursJob(DemoQuarter.Register(fixture), DemoQuarter.Catalog(fixture), clock, NullLogger<QuarterlyHonoursJob>.Instance);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => job.RunAsync(CancellationToken.None));

        Assert.StartsWith($"{expected} is not closed yet", refused.Message, StringComparison.Ordinal);
    }
}
