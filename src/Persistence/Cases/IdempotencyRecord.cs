namespace ServiceWindow.Persistence.Cases;

/// The key a client sent with a command, a hash of the command's content, and the result to hand
/// back if the same command arrives again.
public sealed record IdempotencyRecord
{
    public IdempotencyRecord(string key, Guid caseId, string action, string requestHash, string resultJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(key.Length, 200);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(requestHash);
        ArgumentException.ThrowIfNullOrWhiteSpace(resultJson);
        Key = key;
        CaseId = caseId;
        Action = action;
        RequestHash = requestHash;
        ResultJson = resultJson;
    }

    public string Key { get; }
    public Guid CaseId { get; }
    public string Action { get; }
    public string RequestHash { get; }
    public string ResultJson { get; }
}
