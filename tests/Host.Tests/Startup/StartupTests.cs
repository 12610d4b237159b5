namespace ServiceWindow.Host.Tests.Startup;

public sealed class StartupTests
{
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    private static readonly Dictionary<string, string> UnreachableDatabase = new()
    {
        ["SERVICEWINDOW_DB"] = "Host=127.0.0.1;Port=1;Database=servicewindow;Username=servicewindow;Timeout=3",
    };

    [Fact]
    public async Task Serve_ExitsWithOneReadableLine_WhenDatabaseIsUnreachable()
    {
        var result = await HostProcess.RunAsync(UnreachableDatabase, "--urls", "http://127.0.0.1:0");

        Assert.NotEqual(0, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("127.0.0.1:1", line);
        Assert.Contains("scripts/run", line);
        Assert.DoesNotContain("   at ", result.Error + result.Output);
    }

    [Fact]
    public async Task Migrate_ExitsWithCode3AndNoStackTrace_WhenDatabaseIsUnreachable()
    {
        var result = await HostProcess.RunAsync(UnreachableDatabase, "migrate");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("127.0.0.1:1", result.Error);
        Assert.DoesNotContain("   at ", result.Error + result.Output);
    }

    [Fact]
    public async Task UnknownCommand_ExitsWith2AndListsCommands()
    {
        var result = await HostProcess.RunAsync(new Dictionary<string, string>(), "frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown command 'frobnicate'", result.Error);
        Assert.Contains("migrate", result.Error);
    }
}
