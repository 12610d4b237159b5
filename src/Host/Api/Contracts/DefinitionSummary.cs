namespace ServiceWindow.Host.Api.Contracts;

/// A service item's workflow definition: the version new cases start on and every published version, newest first.
public sealed record DefinitionSummary(string Id, string Name, int LatestVersion, IReadOnlyList<DefinitionVersionView> Versions);
