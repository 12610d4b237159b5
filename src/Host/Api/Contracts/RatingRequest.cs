namespace ServiceWindow.Host.Api.Contracts;

/// `POST /api/v1/public/cases/{receiptNumber}/rating`: the lookup secret, a score 1–5, an optional comment.
public sealed record RatingRequest(string? Secret, int? Score, string? Comment);
