namespace ServiceWindow.Persistence.Queries;

/// What the citizen lookup reads for a receipt number: the secret's hash to compare, and the
/// case's public facts.
public sealed record ReceiptLookup(Guid CaseId, string DefinitionId, int DefinitionVersion, string Stage, string? SecretHash,
    DateTimeOffset? PromisedDue, DateTimeOffset? CompletedAt, string? WindowId, string? HandlerId, string StateJson);
