namespace ServiceWindow.Host.Api.Contracts;

/// A window: code, name, department and the service items it serves.
public sealed record WindowResponse(string Code, string Name, NamedRef Department, IReadOnlyList<string> ServiceItems);
