namespace ServiceWindow.Host.Api.Contracts;

/// One entry of a case's timeline; personal data in the payload masked.
public sealed record HistoryEntryResponse(int Sequence, string Kind, string? Actor, DateTimeOffset At, string? Action, string? FromStage,
    string? ToStage, System.Text.Json.Nodes.JsonNode? Payload);
