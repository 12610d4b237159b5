using System.Text.Json;
using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// The quarterly red-flag windows (红旗窗口) and service stars (服务标兵) of a quarter whose three
/// months are closed: each window's and each staff member's frozen monthly figures, adjustments
/// applied, summed over the quarter and scored with the monthly ranking's weights; whoever has a
/// finding confirmed in the quarter is left out (`QuarterlyHonours`). The first run stores the
/// honours with their weights and places and circulates them to the efficiency office (an outbox
/// message written in the same statement); a rerun finds them stored and changes nothing.
public sealed class QuarterlyHonoursRegister(
    NpgsqlDataSource dataSource, IWorkflowCatalog catalog, TimeProvider clock, RankingWeights? weights = null, HonoursPlaces? places = null)
{
    public const string ReportTemplate = "honours.report";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly RankingWeights weights = weights ?? new RankingWeights();
    private readonly HonoursPlaces places = places ?? new HonoursPlaces();
    private readonly MonthlyStatistics statistics = new(dataSource, catalog, clock);

    /// Chooses, stores and circulates a quarter's honours, or finds them stored; null while one of
    /// its months is not closed.
    public async Task<HonoursReport?> AwardAsync(StatisticsQuarter quarter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        if (await GetAsync(quarter, cancellationToken) is { } stored)
        {
            return stored;
        }
        if (await ChooseAsync(quarter, cancellationToken) is not { } chosen)
        {
            return null;
        }
        await StoreAsync(chosen, cancellationToken);
        // Another host may have stored its own run first: what is stored is what was circulated.
        return (await GetAsync(quarter, cancellationToken))!;
    }

    /// The stored honours of a quarter, or null when they have not been awarded.
    public async Task<HonoursReport?> GetAsync(StatisticsQuarter quarter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(quarter);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StoredHonours>(new CommandDefinition(
            """
            select awarded_at as AwardedAt, weights::text as Weights, red_flag_places as RedFlagPlaces,
                   service_star_places as ServiceStarPlaces, red_flag_windows::text as RedFlagWindows,
                   service_stars::text as ServiceStars, barred_windows::text as BarredWindows, barred_staff::text as BarredStaff
            from quarterly_honours
            where quarter = @quarter
            """,
            new { quarter = quarter.FirstMonth.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken));
        return row is null
            ? null
            : new HonoursReport(quarter, new DateTimeOffset(DateTime.SpecifyKind(row.AwardedAt, DateTimeKind.Utc), TimeSpan.Zero),
                Read<RankingWeights>(row.Weights), new HonoursPlaces { RedFlagWindows = row.RedFlagPlaces, ServiceStars = row.ServiceStarPlaces },
                Read<List<RankingEntry>>(row.RedFlagWindows), Read<List<RankingEntry>>(row.ServiceStars),
                Read<List<BarredCandidate>>(row.BarredWindows), Read<List<BarredCandidate>>(row.BarredStaff));
    }

    // Null while a month is not closed: honours are chosen from frozen figures only.
    private async Task<HonoursReport?> ChooseAsync(StatisticsQuarter quarter, CancellationToken cancellationToken)
    {
        var months = quarter.Months.Select(m => m.ToDateTime(TimeOnly.MinValue)).ToArray();
        Dictionary<string, long> windowFindings, staffFindings;
        await using (var connection = await dataSource.OpenConnectionAsync(cancellationToken))
        {
            var closed = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "select count(*) from month_closes where month = any(@months)", new { months }, cancellationToken: cancellationToken));
            if (closed < months.Length)
            {
                return null;
            }
            windowFindings = await ConfirmedFindings.ByWindowAsync(connection, quarter.Start(catalog.Calendar), quarter.End(catalog.Calendar), cancellationToken);
            staffFindings = await ConfirmedFindings.ByPersonAsync(connection, quarter.Start(catalog.Calendar), quarter.End(catalog.Calendar), cancellationToken);
        }

        var windowRows = new List<ReportRow>();
        var staffRows = new List<ReportRow>();
        foreach (var month in quarter.Months)
        {
            windowRows.AddRange((await statistics.GetAsync(month, StatisticsDimension.Window, cancellationToken)).Rows);
            staffRows.AddRange((await statistics.GetAsync(month, StatisticsDimension.Staff, cancellationToken)).Rows);
        }
        var windows = Candidates(windowRows, windowFindings);
        var staff = Candidates(staffRows, staffFindings);
        return new HonoursReport(quarter, clock.GetUtcNow(), weights, places,
            QuarterlyHonours.Choose(windows, weights, places.RedFlagWindows), QuarterlyHonours.Choose(staff, weights, places.ServiceStars),
            QuarterlyHonours.Barred(windows), QuarterlyHonours.Barred(staff));
    }

    // The key "" gathers what no window or person could be named for: it is nobody to honour.
    private static List<RankingCandidate> Candidates(IEnumerable<ReportRow> monthRows, Dictionary<string, long> confirmed) =>
        [.. monthRows.Where(r => r.Key.Length > 0).GroupBy(r => r.Key, StringComparer.Ordinal)
            .Select(g => QuarterlyHonours.Sum(g.Key, g.Select(r => new RankingCandidate(g.Key, r.Adjusted, 0)))
                with { ConfirmedFindings = confirmed.GetValueOrDefault(g.Key) })];

    private async Task StoreAsync(HonoursReport honours, CancellationToken cancellationToken)
    {
        // An empty list is left out, so the message shows its placeholder for "nobody".
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { ["quarter"] = honours.Quarter.ToString() };
        if (honours.RedFlagWindows.Count > 0)
        {
            data["red_flag_windows"] = string.Join(",", honours.RedFlagWindows.Select(e => e.Window));
        }
        if (honours.ServiceStars.Count > 0)
        {
            data["service_stars"] = string.Join(",", honours.ServiceStars.Select(e => e.Window));
        }
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            with awarded as (
                insert into quarterly_honours (quarter, awarded_at, weights, red_flag_places, service_star_places,
                                               red_flag_windows, service_stars, barred_windows, barred_staff)
                values (@quarter, @now, @weights::jsonb, @redFlagPlaces, @serviceStarPlaces,
                        @redFlagWindows::jsonb, @serviceStars::jsonb, @barredWindows::jsonb, @barredStaff::jsonb)
                on conflict (quarter) do nothing
                returning quarter
            )
            insert into outbox (case_id, recipient, template, data, created_at, due_at)
            select null, 'efficiency_office', @template, @data::jsonb, @now, @now
            from awarded
            """,
            new
            {
                quarter = honours.Quarter.FirstMonth.ToDateTime(TimeOnly.MinValue), now = honours.AwardedAt.UtcDateTime,
                weights = JsonSerializer.Serialize(honours.Weights, Json),
                redFlagPlaces = honours.Places.RedFlagWindows, serviceStarPlaces = honours.Places.ServiceStars,
                redFlagWindows = JsonSerializer.Serialize(honours.RedFlagWindows, Json), serviceStars = JsonSerializer.Serialize(honours.ServiceStars, Json),
                barredWindows = JsonSerializer.Serialize(honours.BarredWindows, Json), barredStaff = JsonSerializer.Serialize(honours.BarredStaff, Json),
                template = ReportTemplate, data = JsonSerializer.Serialize(data),
            },
            cancellationToken: cancellationToken));
    }

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)!;

    private sealed record StoredHonours(
        DateTime AwardedAt, string Weights, int RedFlagPlaces, int ServiceStarPlaces,
        string RedFlagWindows, string ServiceStars, string BarredWindows, string BarredStaff);
}
