namespace ServiceWindow.Host.Api.Contracts;

/// `POST /api/v1/users`: the account to add (or replace); a login that is not a staff member yet needs a window.
public sealed record UserRequest(string? Login, string? Name, string[]? Roles, string? Window, string? Password);
