namespace ServiceWindow.Persistence.Outbox;

/// A delivery report as the platform sends it: the outcome, when it happened by the platform's
/// clock, and the platform's own words on a failure.
public sealed record DeliveryReport
{
    public const int MaxDetailLength = 500;

    public DeliveryReport(DeliveryStatus status, DateTimeOffset reportedAt, string? detail = null)
    {
        if (!Enum.IsDefined(status))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "unknown delivery status");
        }
        if (detail is { Length: > MaxDetailLength })
        {
            throw new ArgumentException($"at most {MaxDetailLength} characters", nameof(detail));
        }
        Status = status;
        ReportedAt = reportedAt;
        Detail = detail;
    }

    public DeliveryStatus Status { get; }
    public DateTimeOffset ReportedAt { get; }
    public string? Detail { get; }
}
