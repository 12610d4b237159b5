namespace ServiceWindow.Persistence.Cases;

/// A history entry ready to insert: the hash of the entry before it (null for a case's first)
/// and its own, taken over `PreviousHash` and the entry's columns.
public readonly record struct LinkedHistoryRow(HistoryRow Entry, string? PreviousHash, string Hash);
