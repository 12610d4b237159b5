using ServiceWindow.Host.Cli;

namespace ServiceWindow.Host.Tests.Cli;

public sealed class CliDispatcherTests
{
    // Port 1 on loopback: a server that started would fail on it, and a command that needs it exits 3.
    private static readonly Dictionary<string, string> UnreachableDatabase = new()
    {
        ["SERVICEWINDOW_DB"] = "Host=127.0.0.1;Port=1;Database=servicewindow;Username=servicewindow;Timeout=3",
    };

    [Fact]
    public async Task TryRunAsync_PrintsUsageAndExitsZero_WhenAnyCommandOrGroupIsAskedForHelp()
    {
        var paths = CliDispatcher.Commands.SelectMany(c => Prefixes([.. c.Group, c.Create(Context()).Name])).Distinct().ToList();
        Assert.Contains("calendars import", paths);
        Assert.Contains("calendars", paths);

        foreach (var path in paths)
        {
            var (exit, output, error) = await RunAsync([.. path.Split(' '), "--help"]);

            Assert.True(exit == 0, $"{path} --help: exit {exit}, {error}");
            Assert.Contains($"  servicewindow {path} ", output, StringComparison.Ordinal);
            Assert.Empty(error);
        }
    }

    [Theory]
    [InlineData(new string[0], "no command")]
    [InlineData(new[] { "serve" }, "serve spelled out")]
    [InlineData(new[] { "serve", "--urls", "http://127.0.0.1:0" }, "serve with a host option")]
    [InlineData(new[] { "--urls", "http://127.0.0.1:0" }, "a host option alone")]
    public async Task TryRunAsync_ReturnsNullSoTheHostServes_WhenNoOtherCommandIsNamed(string[] args, string edge)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.True(exit is null, $"{edge}: exit {exit}, {error}");
        Assert.Empty(output);
    }

    [Fact]
    public void HostArguments_LeavesServeOut_WhenServeIsSpelledOut()
    {
        Assert.Equal(["--urls", "http://127.0.0.1:0"], CliDispatcher.HostArguments(["serve", "--urls", "http://127.0.0.1:0"]));
        Assert.Equal(["--urls", "http://127.0.0.1:0"], CliDispatcher.HostArguments(["--urls", "http://127.0.0.1:0"]));
    }

    [Theory]
    [InlineData(new[] { "calendars" }, "servicewindow calendars [command]", "a group without its command")]
    [InlineData(new[] { "migrate", "now" }, "servicewindow migrate [options]", "an argument the command does not take")]
    [InlineData(new[] { "verify-history", "--all" }, "servicewindow verify-history [options]", "an option the command does not know")]
    [InlineData(new[] { "workflows", "validate", "a", "b" }, "servicewindow workflows validate [<dir>] [options]", "two folders")]
    public async Task TryRunAsync_ExitsTwoWithThatCommandsUsageOnStderr_WhenArgumentsAreBad(string[] args, string usage, string edge)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.True(exit == 2, $"{edge}: exit {exit}");
        Assert.Empty(output);
        Assert.StartsWith("servicewindow: ", error, StringComparison.Ordinal);
        Assert.Contains(usage, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryRunAsync_SuggestsSubcommands_WhenTheShellAsksForCompletions()
    {
        var (exit, output, _) = await RunAsync("[suggest:13]", "calendars imp");

        Assert.Equal(0, exit);
        Assert.Equal("import", output.Trim());
    }

    [Fact]
    public async Task Process_PrintsHelpWithoutStartingTheServer_WhenAskedForHelp()
    {
        var result = await HostProcess.RunAsync(UnreachableDatabase, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("servicewindow [command] [options]", result.Output, StringComparison.Ordinal);
        Assert.Contains("verify-history", result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Error);
    }

    [Fact]
    public async Task Process_PrintsItsHelp_WhenVerifyHistoryIsAskedForHelp()
    {
        var result = await HostProcess.RunAsync(UnreachableDatabase, "verify-history", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("servicewindow verify-history [options]", result.Output, StringComparison.Ordinal);
    }

    private static IEnumerable<string> Prefixes(IReadOnlyList<string> words) =>
        Enumerable.Range(1, words.Count).Select(n => string.Join(' ', words.Take(n)));

    private static CliContext Context() =>
        new(Configuration.HostConfiguration.Build([]), TextWriter.Null, TextWriter.Null);

    private static async Task<(int? Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliDispatcher.TryRunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
