namespace ServiceWindow.Web.Tests;

/// tests/Web.Tests/artifacts/ (git-ignored): screenshots of every page a test looked at, kept
/// after a failure too.
public static class Artifacts
{
    public static string Folder { get; } = Create();

    private static string Create()
    {
        var folder = Path.Combine(FindProjectFolder(), "artifacts");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string FindProjectFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ServiceWindow.Web.Tests.csproj")))
            {
                return dir.FullName;
            }
        }
        return AppContext.BaseDirectory;
    }
}
