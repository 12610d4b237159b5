namespace ServiceWindow.Host.Api.Contracts;

/// One definition version's text as published, beside the item's versions.
public sealed record DefinitionResponse(string Id, string Name, int Version, int LatestVersion, IReadOnlyList<DefinitionVersionView> Versions,
    System.Text.Json.JsonElement Definition);
