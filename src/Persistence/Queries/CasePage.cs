namespace ServiceWindow.Persistence.Queries;

/// One page of a case list and how many cases match in all.
public sealed record CasePage(IReadOnlyList<CaseSummary> Items, long Total);
