using ServiceWindow.Persistence.History;

namespace ServiceWindow.Persistence.Cases;

/// One history entry to append. Its payload is kept in the text `jsonb` prints back and its time
/// to the microsecond PostgreSQL stores, so the hash taken before the insert is the one
/// verify-history recomputes from the stored row.
public sealed record HistoryRow
{
    public HistoryRow(int sequence, string kind, string? actorId, DateTimeOffset at, string payloadJson)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(payloadJson);
        Sequence = sequence;
        Kind = kind;
        ActorId = actorId;
        At = at.AddTicks(-(at.Ticks % TimeSpan.TicksPerMicrosecond));
        PayloadJson = JsonbText.Canonical(payloadJson);
    }

    public int Sequence { get; }
    public string Kind { get; }
    public string? ActorId { get; }
    public DateTimeOffset At { get; }
    public string PayloadJson { get; }
    public string? Action { get; init; }
    public string? FromStage { get; init; }
    public string? ToStage { get; init; }
}
