namespace ServiceWindow.Host.Api.Contracts;

/// `POST /api/v1/complaints`: who complains and about what, against a case (whose window it then
/// concerns) or a window.
public sealed record ComplaintRequest(string? Complainant, string? About, Guid? Case = null, string? Window = null);
