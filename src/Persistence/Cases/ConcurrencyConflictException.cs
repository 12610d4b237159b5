namespace ServiceWindow.Persistence.Cases;

/// The case moved on since the command read it (or a case with this id already exists). Nothing
/// was written; the caller reloads and decides again.
public sealed class ConcurrencyConflictException(Guid caseId, long expectedVersion, Exception? inner = null)
    : Exception(expectedVersion == 0
        ? $"case {caseId} already exists"
        : $"case {caseId} is no longer at version {expectedVersion}: another command changed it first", inner)
{
    public Guid CaseId { get; } = caseId;
    public long ExpectedVersion { get; } = expectedVersion;
}
