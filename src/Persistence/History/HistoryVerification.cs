namespace ServiceWindow.Persistence.History;

/// What a walk over every history chain found.
public sealed record HistoryVerification(long CasesChecked, long EntriesChecked, IReadOnlyList<BrokenEntry> Broken)
{
    public bool Intact => Broken.Count == 0;
}
