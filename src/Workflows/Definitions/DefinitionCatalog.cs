using System.Collections.Generic;
using System.Linq;
using System;

namespace ServiceWindow.Workflows.Definitions;

/// <summary>
/// Every loaded definition, by id and version. New cases start on the latest version; a running case
/// looks up the version it started on, so a new version applies to new cases only.
/// </summary>
public sealed class DefinitionCatalog
{
    private readonly Dictionary<(string Id, int Version), WorkflowDefinition> byVersion;
    private readonly Dictionary<string, WorkflowDefinition> latest;

    private DefinitionCatalog(IEnumerable<WorkflowDefinition> definitions)
    {
        byVersion = definitions.ToDictionary(d => (d.Id, d.Version));
        latest = byVersion.Values
            .GroupBy(d => d.Id, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MaxBy(d => d.Version)!, StringComparer.Ordinal);
    }

    /// <summary>All definitions, every version.</summary>
    public IEnumerable<WorkflowDefinition> All => byVersion.Values;

    /// <summary>
    /// Parses every file and checks that no (id, version) appears twice. Returns every problem of every file.
    /// </summary>
    public static CatalogParseResult Parse(IEnumerable<(string FileName, string Json)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<DefinitionProblem>();
        var definitions = new List<WorkflowDefinition>();
        var seen = new Dictionary<(string, int), string>();
        foreach (var (fileName, json) in files)
        {
            var result = DefinitionLoader.Parse(fileName, json);
            problems.AddRange(result.Problems);
            if (result.Definition is not { } definition)
            {
                continue;
            }
            if (seen.TryGetValue((definition.Id, definition.Version), out var first))
            {
                problems.Add(new DefinitionProblem(fileName, "$.version", $"duplicate definition '{definition.Id}' version {definition.Version} (also in {first})"));
                continue;
            }
            seen.Add((definition.Id, definition.Version), fileName);
            definitions.Add(definition);
        }
        return new CatalogParseResult(problems.Count == 0 ? new DefinitionCatalog(definitions) : null, problems);
    }

    /// <summary>Parses every file, refusing the whole set if any is broken.</summary>
    /// <exception cref="InvalidDefinitionException">Some file is invalid or an (id, version) repeats.</exception>
    public static DefinitionCatalog Load(IEnumerable<(string FileName, string Json)> files)
    {
        var result = Parse(files);
        return result.Catalog ?? throw new InvalidDefinitionException(result.Problems);
    }

    /// <summary>The version a new case starts on.</summary>
    /// <exception cref="KeyNotFoundException">No definition with this id.</exception>
    public WorkflowDefinition Latest(string id) =>
        latest.TryGetValue(id, out var definition) ? definition : throw new KeyNotFoundException($"no workflow definition '{id}'");

    /// <summary>The exact version a running case started on.</summary>
    /// <exception cref="KeyNotFoundException">No such id and version.</exception>
    public WorkflowDefinition Get(string id, int version) =>
        byVersion.TryGetValue((id, version), out var definition)
            ? definition
            : throw new KeyNotFoundException($"no workflow definition '{id}' version {version}");
}
