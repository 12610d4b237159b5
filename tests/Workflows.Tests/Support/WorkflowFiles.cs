using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Workflows.Tests.Support;

/// The repository's workflows/ folder, found by walking up from the test binaries, and its definitions.
public static class WorkflowFiles
{
    private static readonly Lazy<string> FolderPath = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "workflows");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "schema")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"no workflows/ folder above {AppContext.BaseDirectory}");
    });

    public static string Folder => FolderPath.Value;

    public static IEnumerable<string> DefinitionFiles =>
        System.IO.Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).Order().Cast<string>();

    public static string Read(string fileName) => File.ReadAllText(Path.Combine(Folder, fileName));

    public static WorkflowDefinition Load(string id) => DefinitionLoader.Load(id + ".json", Read(id + ".json"));
}
