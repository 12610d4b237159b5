namespace ServiceWindow.Persistence.Catalogue;

/// One published definition version: when and by whom (null for a version published from its file at start).
public sealed record DefinitionVersionEntry(string Id, int Version, DateTimeOffset PublishedAt, string? PublishedBy);
