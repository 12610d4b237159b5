using System.Diagnostics;
using ServiceWindow.Host.Cli;

namespace ServiceWindow.Host.Tests.Cli;

public sealed class DeadlineCommandTests
{
    [Theory]
    [InlineData("2025-09-26T10:00:00+08:00", "5wd", """{"due":"2025-10-10T17:30:00+08:00","provisional":false}""", "the documented example")]
    [InlineData("2025-09-26T02:00:00Z", "0wd", """{"due":"2025-09-26T17:30:00+08:00","provisional":false}""", "a UTC start, immediate item")]
    [InlineData("2026-12-28T10:00:00+08:00", "5wd", """{"due":"2027-01-04T17:30:00+08:00","provisional":true}""", "past the covered years")]
    [InlineData("2025-09-26T11:00:00+08:00", "2wh", """{"due":"2025-09-26T14:30:00+08:00","provisional":false}""", "working hours across lunch")]
    public async Task Run_PrintsOneJsonLine(string from, string limit, string expected, string edge)
    {
        var (exit, output, error) = await RunAsync("deadline", "--calendar", "cn-mainland", "--from", from, "--limit", limit);

        Assert.True(exit == 0, $"{edge}: {error}");
        Assert.Equal(expected + Environment.NewLine, output);
    }

    [Theory]
    [InlineData("--limit 5 days", "--limit '5 days' is not a time limit", "an unreadable limit")]
    [InlineData("--from 2025-09-26T10:00:00", "is not an ISO 8601 instant with an offset", "a start without offset")]
    [InlineData("--from tomorrow", "is not an ISO 8601 instant", "not a date at all")]
    [InlineData("--calendar mars", "no calendar 'mars'", "an unknown calendar")]
    [InlineData("--calendar ../secrets", "is not a calendar id", "a path instead of an id")]
    [InlineData("--colour red", "Unrecognized command or argument '--colour'", "an unknown option")]
    public async Task Run_ExitsTwoWithAClearMessage_WhenArgumentsAreBad(string change, string message, string edge)
    {
        var arguments = new Dictionary<string, string>
        {
            ["--calendar"] = "cn-mainland",
            ["--from"] = "2025-09-26T10:00:00+08:00",
            ["--limit"] = "5wd",
        };
        var parts = change.Split(' ', 2);
        arguments[parts[0]] = parts[1];

        var (exit, output, error) = await RunAsync(["deadline", .. arguments.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.True(exit == 2, edge);
        Assert.Empty(output);
        Assert.True(error.Contains(message, StringComparison.Ordinal), $"{edge}: {error}");
        Assert.Contains("Usage:\n  servicewindow deadline [options]", error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ExitsTwo_WhenAnOptionIsMissing()
    {
        var (exit, _, error) = await RunAsync("deadline", "--calendar", "cn-mainland", "--from", "2025-09-26T10:00:00+08:00");

        Assert.Equal(2, exit);
        Assert.Contains("Option '--limit' is required", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("9999-12-31T10:00:00+08:00", "1wd", "the last day the calendar can count from")]
    [InlineData("9999-12-01T10:00:00+08:00", "60wd", "a limit that runs past the last representable day")]
    public async Task Run_ExitsTwoWithAClearMessage_WhenTheDeadlineIsOutsideTheCalendar(string from, string limit, string edge)
    {
        var (exit, output, error) = await RunAsync("deadline", "--calendar", "cn-mainland", "--from", from, "--limit", limit);

        Assert.True(exit == 2, $"{edge}: exit {exit}, {error}");
        Assert.Empty(output);
        Assert.Contains("no deadline can be computed", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Process_PrintsTheDeadline_AndExitsZero_WithoutADatabase()
    {
        var (exit, output, _) = await HostProcess.RunAsync(
            new Dictionary<string, string> { ["SERVICEWINDOW_DB"] = "Host=127.0.0.1;Port=1;Database=none" },
            "deadline", "--calendar", "cn-mainland", "--from", "2025-09-26T10:00:00+08:00", "--limit", "5wd");

        Assert.Equal(0, exit);
        Assert.Equal("""{"due":"2025-10-10T17:30:00+08:00","provisional":false}""", output.Trim());
    }

    [Fact]
    public async Task Process_ExitsTwo_WhenTheLimitIsBad()
    {
        var (exit, output, error) = await HostProcess.RunAsync(
            new Dictionary<string, string>(), "deadline", "--calendar", "cn-mainland", "--from", "2025-09-26T10:00:00+08:00", "--limit", "5x");

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains("--limit '5x' is not a time limit", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliDispatcher.TryRunAsync(args, output, error);
        return (exit ?? -1, output.ToString(), error.ToString());
    }
}
