namespace ServiceWindow.Host.Api.Contracts;

/// An id with its name in the request's language.
public sealed record NamedRef(string Id, string Name);
