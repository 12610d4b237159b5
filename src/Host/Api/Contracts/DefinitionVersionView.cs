namespace ServiceWindow.Host.Api.Contracts;

/// A published definition version: when, and by whom (null for one published from its file at start).
public sealed record DefinitionVersionView(int Version, DateTimeOffset PublishedAt, string? PublishedBy);
