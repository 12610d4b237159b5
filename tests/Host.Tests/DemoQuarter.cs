using Dapper;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Host.Tests;

/// The fourth quarter of 2026 at the demo office, its months closed with frozen rows written by hand.
/// Over the quarter, with the default weights (on time 60, satisfaction 40, -2 per overdue case):
/// - marriage-1 and wang.fang: 12/12 on time, 6/6 satisfied => 60 + 40 = 100, but a finding against
///   wang.fang confirmed on 11-20 bars both;
/// - marriage-2 and li.na: 9/10 on time, 4/5 satisfied, 1 late => 54 + 32 - 2 = 84;
/// - hall-1 and liu.yang: 3/6 on time, 1 open past its promise => 30 - 2 = 28.
public static class DemoQuarter
{
    public static readonly StatisticsQuarter Q4 = new(2026, 4);

    public static readonly DateTimeOffset NewYear = new(2027, 1, 1, 4, 0, 0, TimeSpan.FromHours(8));

    /// Closes October and November, and December unless told not to, and confirms wang.fang's finding.
    public static async Task CloseAsync(HostDatabaseFixture fixture, bool december = true)
    {
        await CloseMonthAsync(fixture, "2026-10-01",
            """{"completed": 4, "completedOnTime": 4, "ratings": 2, "ratingsSatisfied": 2}""",
            """{"completed": 4, "completedOnTime": 3, "completedLate": 1}""",
            """{"completed": 2, "completedOnTime": 1}""");
        await CloseMonthAsync(fixture, "2026-11-01",
            """{"completed": 4, "completedOnTime": 4, "ratings": 2, "ratingsSatisfied": 2}""",
            """{"completed": 4, "completedOnTime": 4, "ratings": 4, "ratingsSatisfied": 3}""",
            """{"completed": 2, "completedOnTime": 1}""");
        if (december)
        {
            await CloseMonthAsync(fixture, "2026-12-01",
                """{"completed": 4, "completedOnTime": 4, "ratings": 2, "ratingsSatisfied": 2}""",
                """{"completed": 2, "completedOnTime": 2, "ratings": 1, "ratingsSatisfied": 1}""",
                """{"completed": 2, "completedOnTime": 1, "openPastPromised": 1}""");
        }
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into findings (id, kind, responsible_staff_id, reason, status, opened_at, statement, statement_at, decided_at, decided_by)
            values (gen_random_uuid(), 'inaction', 'wang.fang', 'untouched', 'confirmed', '2026-11-02 09:00+08',
                    's', '2026-11-05 09:00+08', '2026-11-20 09:00+08', 'zhou.qiang')
            """);
    }

    /// The register over the fixture's database at 04:00 on New Year's Day, naming one of each unless told otherwise.
    public static QuarterlyHonoursRegister Register(HostDatabaseFixture fixture, HonoursPlaces? places = null) =>
        new(fixture.DataSource, Catalog(fixture), new FakeTimeProvider(NewYear), places: places ?? new HonoursPlaces { RedFlagWindows = 1, ServiceStars = 1 });

    public static FileWorkflowCatalog Catalog(HostDatabaseFixture fixture) => new(new ConfigurationBuilder()
        .AddInMemoryCollection([new("ConnectionStrings:ServiceWindow", fixture.ConnectionString)])
        .Build());

    // Each window's row doubles as its one clerk's.
    private static async Task CloseMonthAsync(HostDatabaseFixture fixture, string month, string marriage1, string marriage2, string hall1)
    {
        await using var connection = await fixture.DataSource.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            insert into month_closes (month, closed_at, history_entries, snapshot) values (@month::date, @month::date + interval '1 month', 0, '{}');
            insert into statistics_frozen_rows (month, dimension, key, counts) values
                (@month::date, 'window', 'marriage-1', @marriage1::jsonb), (@month::date, 'staff', 'wang.fang', @marriage1::jsonb),
                (@month::date, 'window', 'marriage-2', @marriage2::jsonb), (@month::date, 'staff', 'li.na', @marriage2::jsonb),
                (@month::date, 'window', 'hall-1', @hall1::jsonb), (@month::date, 'staff', 'liu.yang', @hall1::jsonb);
            """, new { month, marriage1, marriage2, hall1 });
    }
}
