using Dapper;
using Npgsql;

namespace ServiceWindow.Persistence.Outbox;

/// The platform's delivery reports, one per outbox message, read by case for its timeline. They
/// are kept apart from the case history: a report comes from outside, after the fact, and may
/// repeat, so the latest one by the platform's time replaces the earlier.
public sealed class DeliveryReports(NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task<DeliveryRecording> RecordAsync(long messageId, DeliveryReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One statement: a report for an unknown message writes nothing, and an older report than
        // the stored one (a platform retrying out of order) leaves the newer one in place.
        var outcome = await connection.QuerySingleAsync<(bool Known, bool Written)>(new CommandDefinition(
            """
            with message as (
                select id, case_id from outbox where id = @messageId
            ), written as (
                insert into delivery_reports (outbox_id, case_id, status, reported_at, received_at, detail)
                select id, case_id, @status, @reportedAt, @receivedAt, @detail from message
                on conflict (outbox_id) do update
                set status = excluded.status, reported_at = excluded.reported_at,
                    received_at = excluded.received_at, detail = excluded.detail
                where delivery_reports.reported_at <= excluded.reported_at
                returning 1
            )
            select exists (select from message) as known, exists (select from written) as written
            """,
            new
            {
                messageId,
                status = StatusText(report.Status),
                reportedAt = report.ReportedAt.UtcDateTime,
                receivedAt = clock.GetUtcNow().UtcDateTime,
                detail = report.Detail,
            },
            cancellationToken: cancellationToken));
        return outcome switch
        {
            { Known: false } => DeliveryRecording.UnknownMessage,
            { Written: true } => DeliveryRecording.Recorded,
            _ => DeliveryRecording.Superseded,
        };
    }

    /// The reports on a case's messages, earliest first by the platform's time.
    public async Task<IReadOnlyList<RecordedDelivery>> ForCaseAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            """
            select d.outbox_id as MessageId, d.case_id as CaseId, o.recipient, o.template, d.status,
                   d.reported_at as ReportedAt, d.received_at as ReceivedAt, d.detail
            from delivery_reports d
            join outbox o on o.id = d.outbox_id
            where d.case_id = @caseId
            order by d.reported_at, d.outbox_id
            """, new { caseId }, cancellationToken: cancellationToken));
        return rows.Select(r => new RecordedDelivery(r.MessageId, r.CaseId, r.Recipient, r.Template, ParseStatus(r.Status),
            Utc(r.ReportedAt), Utc(r.ReceivedAt), r.Detail)).ToList();
    }

    private static string StatusText(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Delivered => "delivered",
        DeliveryStatus.Failed => "failed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown delivery status"),
    };

    private static DeliveryStatus ParseStatus(string text) => text switch
    {
        "delivered" => DeliveryStatus.Delivered,
        "failed" => DeliveryStatus.Failed,
        _ => throw new InvalidOperationException($"unknown delivery status '{text}' in delivery_reports"),
    };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record Row(long MessageId, Guid CaseId, string Recipient, string Template, string Status, DateTime ReportedAt, DateTime ReceivedAt, string? Detail);
}
