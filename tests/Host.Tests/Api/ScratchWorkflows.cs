using Microsoft.Extensions.Configuration;
using ServiceWindow.Host.Configuration;

namespace ServiceWindow.Host.Tests.Api;

/// A copy of the shipped workflows folder for a test that writes to it (a calendar upload, a
/// published definition), so the repository's files stay as they are.
public sealed class ScratchWorkflows : IDisposable
{
    public ScratchWorkflows()
    {
        var shipped = HostConfiguration.WorkflowsPath(new ConfigurationBuilder().Build());
        Path = Directory.CreateTempSubdirectory("servicewindow-workflows-").FullName;
        foreach (var file in Directory.GetFiles(shipped, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(Path, System.IO.Path.GetRelativePath(shipped, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public string Path { get; }

    public string CalendarPath => System.IO.Path.Combine(Path, "calendars", "cn-mainland.json");

    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string> { ["ServiceWindow:WorkflowsPath"] = Path };

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
