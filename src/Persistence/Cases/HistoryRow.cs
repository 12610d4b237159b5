namespace ServiceWindow.Persistence.Cases;

/// One history entry to append. The database fills in its hash and its link to the previous one.
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
        At = at;
        PayloadJson = payloadJson;
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
