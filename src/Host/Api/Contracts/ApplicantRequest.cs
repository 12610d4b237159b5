namespace ServiceWindow.Host.Api.Contracts;

/// The applicant as the clerk takes them down: name, resident ID number, mobile number.
public sealed record ApplicantRequest(string? Name, string? IdNumber, string? Phone);
