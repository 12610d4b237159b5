using Dapper;
using Npgsql;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Persistence.Statistics;

/// Reads the ratings, complaints, findings and referrals of a month, keyed like the cases they
/// concern (the case's facts give the window, department and item where the row names none). A bad
/// review carries its rectification case; how far that case got is read from the month's case facts.
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
        var complaints = await connection.QueryAsync<(string? Department, string? Window, string? Staff, string? Item, DateTime ReceivedAt, DateTime? VerifiedAt)>(
            new CommandDefinition(
                """
                select f.department_id, f.window_id, coalesce(c.against_staff_id, f.staff_id), f.item_code, c.received_at,
                       case when c.verified then c.decided_at end
                from complaints c
                left join case_facts f on f.case_id = c.subject_case_id
                where (c.received_at >= @start and c.received_at < @end)
                   or (c.verified and c.decided_at >= @start and c.decided_at < @end)
                """, range, transaction, cancellationToken: cancellationToken));
        var findings = await connection.QueryAsync<(string? Department, string? Window, string? Staff, string? Item, DateTime OpenedAt, bool Dismissed)>(
            new CommandDefinition(
                """
                select f.department_id, f.window_id, d.responsible_staff_id, f.item_code, d.opened_at, d.status = 'dismissed'
                from findings d
                left join case_facts f on f.case_id = d.case_id
                where d.opened_at >= @start and d.opened_at < @end
                """, range, transaction, cancellationToken: cancellationToken));
        var referrals = await connection.QueryAsync<(string? Department, string? Window, string? Staff, string? Item, DateTime ReferredAt, DateTime AcknowledgeBy, DateTime? AcknowledgedAt)>(
            new CommandDefinition(
                """
                select coalesce(r.target_department_id, w.department_id), r.target_window_id,
                       coalesce(r.acknowledged_by, r.from_staff_id), f.item_code, r.referred_at, r.acknowledge_by, r.acknowledged_at
                from referrals r
                left join windows w on w.id = r.target_window_id
                left join case_facts f on f.case_id = r.case_id
                where r.referred_at >= @start and r.referred_at < @end
                """, range, transaction, cancellationToken: cancellationToken));

        return new MonthlyActivity(
            cases,
            [.. ratings.Select(r => new RatingFact(new(r.Department, r.Window, r.Staff, r.Item), r.Score, Utc(r.RatedAt), r.Rectification))],
            [.. complaints.Select(c => new ComplaintFact(new(c.Department, c.Window, c.Staff, c.Item), Utc(c.ReceivedAt),
                c.VerifiedAt is { } v ? Utc(v) : null))],
            [.. findings.Select(f => new FindingFact(new(f.Department, f.Window, f.Staff, f.Item), Utc(f.OpenedAt), f.Dismissed))],
            [.. referrals.Select(r => new ReferralFact(new(r.Department, r.Window, r.Staff, r.Item), Utc(r.ReferredAt), Utc(r.AcknowledgeBy),
                r.AcknowledgedAt is { } a ? Utc(a) : null))]);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);
}
