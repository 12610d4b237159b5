namespace ServiceWindow.Host.Api.Findings;

/// No finding with this id, or one the reader may not see: the two answer alike.
public sealed class FindingNotFoundException(Guid findingId) : Exception($"finding {findingId} does not exist or is not visible")
{
    public Guid FindingId { get; } = findingId;
}
