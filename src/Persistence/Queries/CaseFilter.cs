namespace ServiceWindow.Persistence.Queries;

/// The case list's filters; null means "any". Acceptance dates are bounds in the calendar's zone,
/// already turned into instants by the caller: `[AcceptedFrom, AcceptedBefore)`.
public sealed record CaseFilter(
    string? Stage = null,
    string? Window = null,
    string? Handler = null,
    string? Warning = null,
    bool? Overdue = null,
    DateTimeOffset? AcceptedFrom = null,
    DateTimeOffset? AcceptedBefore = null,
    int Page = 1,
    int PageSize = 20);
