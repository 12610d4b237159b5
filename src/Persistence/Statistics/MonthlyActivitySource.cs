using Dapper;
using Npgsql;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// Reads the ratings and findings of a month, keyed like the cases they concern (the case's facts give
/// the window, department and item where the row names none). A bad review carries its rectification
/// case; how far that case got is read from the month's case facts. Complaints and referrals are cases
/// themselves: they come with the month's case facts, read from those cases' history.
internal static class MonthlyActivitySource
{
    public static async Task<MonthlyActivity> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction,
        StatisticsMonth month, IReadOnlyList<CaseFacts> cases, CancellationToken cancellationToken)
    {
        var range = new { start = month.Start.UtcDateTime, end = month.End.UtcDateTime };
        var ratings = await connection.QueryAsync<(string? Department, string? Window, string? Staff, string? Item, int Score, DateTime RatedAt, Guid? Rectification)>(
            new CommandDefinition(
                """
                select coalesce(w.department_id, f.department_id), coalesce(r.window_id, f.window_id),
                       coalesce(r.staff_id, f.staff_id), f.item_code, r.score, r.rated_at, l.case_id
                from ratings r
                left join windows w on w.id = r.window_id
                left join case_facts f on f.case_id = r.case_id
                left join bad_review_rectifications l on l.rating_id = r.id
                where r.rated_at >= @start and r.rated_at < @end and r.voided_at is null
                """, range, transaction, cancellationToken: cancellationToken));
        var findings = await connection.QueryAsync<(string? Department, string? Window, string? Staff, string? Item, DateTime OpenedAt, bool Dismissed)>(
            new CommandDefinition(
                """
                select f.department_id, f.window_id, d.responsible_staff_id, f.item_code, d.opened_at, d.status = 'dismissed'
                from findings d
                left join case_facts f on f.case_id = d.case_id
                where d.opened_at >= @start and d.opened_at < @end
                """, range, transaction, cancellationToken: cancellationToken));
        return new MonthlyActivity(
            cases,
            [.. ratings.Select(r => new RatingFact(new(r.Department, r.Window, r.Staff, r.Item), r.Score, Utc(r.RatedAt), r.Rectification))],
            [.. cases.Select(c => c.Complaint).OfType<ComplaintFact>()],
            [.. findings.Select(f => new FindingFact(new(f.Department, f.Window, f.Staff, f.Item), Utc(f.OpenedAt), f.Dismissed))],
            [.. cases.SelectMany(c => c.Referrals)]);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);
}
