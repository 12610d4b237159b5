namespace ServiceWindow.Host.Api.Contracts;

/// `GET /api/v1/complaints`: one page of complaints and how many match in all.
public sealed record ComplaintListResponse(IReadOnlyList<ComplaintResponse> Items, long Total, int Page, int PageSize);
