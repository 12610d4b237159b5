namespace ServiceWindow.Persistence.Cases;

/// The case row as written: the engine's full state as JSON plus the columns that lists,
/// supervision and the citizen lookup query without reading the JSON.
public sealed record CaseRow
{
    public CaseRow(Guid id, string definitionId, int definitionVersion, string stage, long version, int historyLength, string stateJson)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(id, Guid.Empty);
        ArgumentException.ThrowIfNullOrWhiteSpace(definitionId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(definitionVersion);
        ArgumentException.ThrowIfNullOrWhiteSpace(stage);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(version);
        ArgumentOutOfRangeException.ThrowIfNegative(historyLength);
        ArgumentException.ThrowIfNullOrWhiteSpace(stateJson);
        Id = id;
        DefinitionId = definitionId;
        DefinitionVersion = definitionVersion;
        Stage = stage;
        Version = version;
        HistoryLength = historyLength;
        StateJson = stateJson;
    }

    public Guid Id { get; }
    public string DefinitionId { get; }
    public int DefinitionVersion { get; }
    public string Stage { get; }
    public long Version { get; }
    public int HistoryLength { get; }
    public string StateJson { get; }
    public string? ServiceItemCode { get; init; }
    public string? WindowId { get; init; }
    public string? FirstInquiryOwner { get; init; }
    public string? HandlerId { get; init; }
    public DateTimeOffset? AcceptedAt { get; init; }
    public DateTimeOffset? PromisedDeadline { get; init; }
    public DateTimeOffset? StatutoryDeadline { get; init; }
    public bool DeadlinesProvisional { get; init; }
    public string WarningLevel { get; init; } = "none";
    public string? ReceiptNumber { get; init; }
    public string? LookupSecretHash { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
}
