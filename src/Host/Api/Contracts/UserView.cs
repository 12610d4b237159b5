namespace ServiceWindow.Host.Api.Contracts;

/// A sign-in account as the admin sees it: no password hash; state `active`, `locked` or `disabled`.
public sealed record UserView(string Login, string Name, IReadOnlyList<string> Roles, string? Window, string State);
