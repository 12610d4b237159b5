using System.Globalization;
using System.Text.Json;
using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Accountability;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// The monthly window ranking (月度窗口排名) of a closed month: scored from the month's figures by
/// window, adjustments applied, less the findings confirmed against the window in the month, with
/// the configured weights. The first run stores it with those weights and circulates it to the
/// efficiency office (an outbox message written in the same transaction); a rerun finds it stored
/// and changes nothing. A window last this month and last month gets one interview finding for its
/// section chief (the window's own, else its department's), filed once however often the ranking runs.
public sealed class MonthlyRanking(NpgsqlDataSource dataSource, IWorkflowCatalog catalog, TimeProvider clock, RankingWeights? weights = null)
{
    public const string ReportTemplate = "ranking.report";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly RankingWeights weights = weights ?? new RankingWeights();
    private readonly MonthlyStatistics statistics = new(dataSource, catalog, clock);
    private readonly FindingRegister findings = new(dataSource, clock);

    /// Ranks a closed month (or finds its stored ranking) and files the interviews it calls for;
    /// null when the month is not closed yet.
    public async Task<RankingResult?> RankAsync(DateOnly month, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(month.Day, 1);
        var report = await GetAsync(month, cancellationToken);
        if (report is null)
        {
            if (await ComputeAsync(month, cancellationToken) is not { } entries)
            {
                return null;
            }
            await StoreAsync(month, entries, cancellationToken);
            report = (await GetAsync(month, cancellationToken))!;
        }

        var previousMonth = month.AddMonths(-1);
        var previous = (await GetAsync(previousMonth, cancellationToken))?.Entries ?? await ComputeAsync(previousMonth, cancellationToken);
        var interviews = new List<RankingInterview>();
        foreach (var window in previous is null ? [] : WindowRanking.LastTwiceInARow(previous, report.Entries))
        {
            var chief = await ChiefAsync(window, cancellationToken);
            var reason = string.Create(CultureInfo.InvariantCulture, $"window ranked last in {previousMonth:yyyy-MM} and {month:yyyy-MM}");
            var finding = chief is null ? null : await findings.OpenInterviewAsync(window, chief, month, reason, cancellationToken);
            interviews.Add(new RankingInterview(window, chief, finding));
        }
        return new RankingResult(report, interviews);
    }

    /// The stored ranking of a month, or null when it has not been ranked.
    public async Task<RankingReport?> GetAsync(DateOnly month, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<(DateTime RankedAt, string Weights, string Entries)?>(new CommandDefinition(
            "select ranked_at, weights::text, entries::text from window_rankings where month = @month",
            new { month = month.ToDateTime(TimeOnly.MinValue) }, cancellationToken: cancellationToken));
        return row is not { } r
            ? null
            : new RankingReport(month, new DateTimeOffset(DateTime.SpecifyKind(r.RankedAt, DateTimeKind.Utc), TimeSpan.Zero),
                JsonSerializer.Deserialize<RankingWeights>(r.Weights, Json)!, JsonSerializer.Deserialize<List<RankingEntry>>(r.Entries, Json)!);
    }

    // Null when the month is not closed: a ranking is of frozen figures only.
    private async Task<IReadOnlyList<RankingEntry>?> ComputeAsync(DateOnly month, CancellationToken cancellationToken)
    {
        var figures = await statistics.GetAsync(month, StatisticsDimension.Window, cancellationToken);
        if (!figures.Closed)
        {
            return null;
        }
        var period = StatisticsMonth.Of(month, catalog.Calendar);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var confirmed = await ConfirmedFindings.ByWindowAsync(connection, period.Start, period.End, cancellationToken);
        return WindowRanking.Rank(figures.Rows.Where(r => r.Key.Length > 0)
            .Select(r => new RankingCandidate(r.Key, r.Adjusted, confirmed.GetValueOrDefault(r.Key))), weights);
    }

    private async Task StoreAsync(DateOnly month, IReadOnlyList<RankingEntry> entries, CancellationToken cancellationToken)
    {
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["month"] = month.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            ["windows"] = entries.Count.ToString(CultureInfo.InvariantCulture),
            ["first"] = string.Join(",", entries.Where(e => e.Position == 1).Select(e => e.Window)),
            ["last"] = string.Join(",", WindowRanking.Last(entries)),
        };
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            with ranked as (
                insert into window_rankings (month, ranked_at, weights, entries)
                values (@month, @now, @weights::jsonb, @entries::jsonb)
                on conflict (month) do nothing
                returning month
            )
            insert into outbox (case_id, recipient, template, data, created_at, due_at)
            select null, 'efficiency_office', @template, @data::jsonb, @now, @now
            from ranked
            """,
            new
            {
                month = month.ToDateTime(TimeOnly.MinValue), now = clock.GetUtcNow().UtcDateTime, weights = JsonSerializer.Serialize(weights, Json),
                entries = JsonSerializer.Serialize(entries, Json), template = ReportTemplate, data = JsonSerializer.Serialize(data),
            },
            cancellationToken: cancellationToken));
    }

    // The window's own section chief, else the chief of its department (科室负责人) who heads it.
    private async Task<string?> ChiefAsync(string windowId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<string?>(new CommandDefinition(
            """
            select s.id
            from windows w
            join staff s on s.active and (s.window_id = w.id or (s.window_id is null and s.department_id = w.department_id))
            join staff_roles r on r.staff_id = s.id and r.role = 'section_chief'
            where w.id = @windowId
            order by s.window_id is null, s.id
            limit 1
            """, new { windowId }, cancellationToken: cancellationToken));
    }
}
