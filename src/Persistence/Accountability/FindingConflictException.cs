namespace ServiceWindow.Persistence.Accountability;

/// A finding was not where the step needs it: already decided, its statement already given, not yet
/// stated, or the statement offered by someone other than the person named. Nothing was written.
public sealed class FindingConflictException(Guid findingId, string step)
    : Exception($"finding {findingId} cannot take the step '{step}' from where it is")
{
    public Guid FindingId { get; } = findingId;
    public string Step { get; } = step;
}
