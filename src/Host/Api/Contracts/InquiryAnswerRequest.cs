namespace ServiceWindow.Host.Api.Contracts;

/// `POST /api/v1/inquiries/{id}/answer`: the answer given, which closes the inquiry.
public sealed record InquiryAnswerRequest(string? Answer);
