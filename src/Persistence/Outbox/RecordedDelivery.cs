namespace ServiceWindow.Persistence.Outbox;

/// A delivery report as a case's timeline shows it: which message (its template and recipient),
/// the outcome at the platform's time, and when the report reached us.
public sealed record RecordedDelivery(
    long MessageId,
    Guid CaseId,
    string Recipient,
    string Template,
    DeliveryStatus Status,
    DateTimeOffset ReportedAt,
    DateTimeOffset ReceivedAt,
    string? Detail);
