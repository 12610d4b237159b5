namespace ServiceWindow.Host.Api.Contracts;

/// `POST /api/v1/findings/{id}/statement`: the named person's own account, given once.
public sealed record FindingStatementRequest(string? Statement);
