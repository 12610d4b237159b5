namespace ServiceWindow.Host.Api.Contracts;

/// `POST /api/v1/tokens`: a staff login (the staff id) and its password.
public sealed record TokenRequest(string? Login, string? Password);
