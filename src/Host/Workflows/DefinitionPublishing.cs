using System.Globalization;
using Npgsql;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Persistence.Catalogue;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Workflows;

/// Checks and publishes new versions of the service items' workflow definitions, for the API and
/// the admin pages alike. A new version applies to cases opened from then on; running cases keep
/// theirs. The version is stored first, then written over its file in the workflows folder, so a
/// restart reads the same definition it publishes; the running host starts new cases on it at once.
public sealed class DefinitionPublishing(FileWorkflowCatalog catalog, NpgsqlDataSource dataSource, IConfiguration configuration,
    ILogger<DefinitionPublishing> logger)
{
    private const string UploadName = "upload.json";

    // Two publications at once would both take the same "next version" as new.
    private readonly SemaphoreSlim gate = new(1, 1);

    public IReadOnlyList<string> ItemIds => catalog.FileDefinitions.Select(d => d.Id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public WorkflowDefinition? Latest(string id) => ItemIds.Contains(id, StringComparer.Ordinal) ? catalog.Latest(id) : null;

    /// Everything the loader finds, and what publishing needs beyond it: a known service item and a new version number.
    public DefinitionCheck Check(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var parsed = DefinitionLoader.Parse(UploadName, json);
        var lines = JsonLines.Read(json);
        var problems = parsed.Problems.Select(p => Located(p.Path, p.Problem, lines)).ToList();
        if (parsed.Definition is { } definition)
        {
            if (Latest(definition.Id) is not { } latest)
            {
                problems.Add(Located("$.id", $"no service item '{definition.Id}'; a new item is added as a file in the workflows folder", lines));
            }
            else if (definition.Version <= latest.Version)
            {
                problems.Add(Located("$.version",
                    $"version {definition.Version} is not new: '{definition.Id}' is at version {latest.Version}; publish it as version {latest.Version + 1}", lines));
            }
        }
        return new DefinitionCheck(parsed.Definition, problems);
    }

    /// Throws <see cref="DefinitionRefusedException"/> when the check finds anything.
    public async Task<WorkflowDefinition> PublishAsync(string json, string? publishedBy, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var check = Check(json);
            if (!check.IsValid)
            {
                throw new DefinitionRefusedException(check.Problems);
            }
            var definition = check.Definition!;
            var file = catalog.FileDefinitions.Where(d => d.Id == definition.Id).MaxBy(d => d.Version)!.Source;
            var versions = new DefinitionVersions(dataSource);
            await versions.PublishAsync([new PublishedDefinition(definition.Id, definition.Version, json, file)], publishedBy, cancellationToken);
            await WriteFileAsync(file, json);
            catalog.IncludePublished(await versions.AllAsync(CancellationToken.None));
            logger.LogInformation("Published workflow definition {Definition} version {Version}", definition.Id, definition.Version);
            return definition;
        }
        finally
        {
            gate.Release();
        }
    }

    public Task<IReadOnlyList<DefinitionVersionEntry>> VersionsAsync(CancellationToken cancellationToken) =>
        new DefinitionVersions(dataSource).ListAsync(cancellationToken);

    /// The stored text of a version, or null when it is not published.
    public async Task<string?> JsonAsync(string id, int version, CancellationToken cancellationToken) =>
        (await new DefinitionVersions(dataSource).AllAsync(cancellationToken)).SingleOrDefault(d => d.Id == id && d.Version == version)?.Json;

    // Beside the old file and renamed over it, so a host starting meanwhile never reads half a definition.
    private async Task WriteFileAsync(string fileName, string json)
    {
        var path = Path.Combine(HostConfiguration.WorkflowsPath(configuration), fileName);
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, json, CancellationToken.None);
        File.Move(temporary, path, overwrite: true);
    }

    private static DefinitionCheckProblem Located(string path, string problem, JsonLines? lines)
    {
        // The loader names a JSON syntax error by its line instead of a path.
        if (path.StartsWith("line ", StringComparison.Ordinal) && int.TryParse(path[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var line))
        {
            return new DefinitionCheckProblem("$", line, problem);
        }
        return new DefinitionCheckProblem(path, lines?.LineOf(path) ?? 1, problem);
    }
}
