namespace ServiceWindow.Persistence.History;

/// The first entry of a case's history that does not check out, and why.
public sealed record BrokenEntry(Guid CaseId, int Sequence, string Reason);
