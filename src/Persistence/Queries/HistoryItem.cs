namespace ServiceWindow.Persistence.Queries;

/// One history entry as the case's timeline shows it.
public sealed record HistoryItem(int Sequence, string Kind, string? ActorId, DateTimeOffset At, string? Action, string? FromStage,
    string? ToStage, string PayloadJson);
