namespace ServiceWindow.Host.Api.Contracts;

/// A page of cases and how many match in all.
public sealed record CaseListResponse(IReadOnlyList<CaseListItem> Items, long Total, int Page, int PageSize);
