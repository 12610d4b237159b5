namespace ServiceWindow.Host.Api.Contracts;

/// The applicant on a case; ID number and phone masked unless `Full`.
public sealed record ApplicantView(string? Name, string? IdNumber, string? Phone, bool Full);
