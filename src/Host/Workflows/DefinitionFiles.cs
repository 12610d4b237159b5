using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Workflows;

/// Workflow definitions live as `*.json` directly in the workflows folder (calendars and the schema sit in
/// subfolders); this is the only code that reads them.
public static class DefinitionFiles
{
    /// Reads every definition in <paramref name="folder"/>, in file-name order, and checks them as one set.
    public static async Task<CatalogParseResult> ParseAsync(string folder, CancellationToken cancellationToken)
    {
        var files = new List<(string, string)>();
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            files.Add((Path.GetFileName(path), await File.ReadAllTextAsync(path, cancellationToken)));
        }
        return DefinitionCatalog.Parse(files);
    }
}
