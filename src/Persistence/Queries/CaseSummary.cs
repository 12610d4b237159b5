namespace ServiceWindow.Persistence.Queries;

/// One case as lists and details show it, before any masking. `StateJson` is the engine's state.
public sealed record CaseSummary(
    Guid Id,
    string DefinitionId,
    int DefinitionVersion,
    string Stage,
    long Version,
    int HistoryLength,
    string? HistoryHead,
    string? FirstInquiryOwner,
    string? HandlerId,
    string? WindowId,
    string? ReceiptNumber,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? PromisedDue,
    DateTimeOffset? StatutoryDue,
    string WarningLevel,
    DateTimeOffset? CompletedAt,
    DateTimeOffset CreatedAt,
    string StateJson);
