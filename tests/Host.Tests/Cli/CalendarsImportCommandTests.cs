using Microsoft.Extensions.Configuration;
using ServiceWindow.Host.Cli;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Host.Tests.Cli;

/// Each test works on a scratch workflows folder holding a copy of the shipped calendar.
public sealed class CalendarsImportCommandTests : IDisposable
{
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "CalendarSamples");
    private readonly string workflows = Directory.CreateTempSubdirectory("servicewindow-calendars-").FullName;
    private readonly IConfiguration configuration;

    public CalendarsImportCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(workflows, "calendars"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "calendars", "cn-mainland.json"), CalendarPath);
        configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("ServiceWindow:WorkflowsPath", workflows)])
            .Build();
    }

    private string CalendarPath => Path.Combine(workflows, "calendars", "cn-mainland.json");

    public void Dispose() => Directory.Delete(workflows, recursive: true);

    [Fact]
    public async Task Run_AddsTheNextYear_ReportsIt_AndWritesTheFile()
    {
        var (exit, output, error) = await RunAsync("calendars", "import", "--calendar", "cn-mainland", Sample("holiday-cn-2027-made-up.json"));

        Assert.True(exit == 0, error);
        Assert.Contains("cn-mainland: 2027: added", output, StringComparison.Ordinal);
        var written = CalendarLoader.Load("cn-mainland.json", await File.ReadAllTextAsync(CalendarPath), TimeZoneInfo.FindSystemTimeZoneById);
        Assert.Equal(2027, written.LastCoveredYear);
        Assert.False(written.IsWorkingDay(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public async Task Run_ThenDeadline_UsesTheNewYear()
    {
        await RunAsync("calendars", "import", "--calendar", "cn-mainland", Sample("holiday-cn-2027-made-up.json"));

        var (exit, output, _) = await RunAsync("deadline", "--calendar", "cn-mainland", "--from", "2026-12-28T10:00:00+08:00", "--limit", "5wd");

        Assert.Equal(0, exit);
        Assert.Equal("""{"due":"2027-01-05T17:30:00+08:00","provisional":false}""", output.Trim());
    }

    [Fact]
    public async Task Run_SaysTheServiceWasNotTold_WhenNoDatabaseIsConfigured()
    {
        var (exit, _, error) = await RunAsync("calendars", "import", "--calendar", "cn-mainland", Sample("holiday-cn-2027-made-up.json"));

        Assert.Equal(0, exit);
        Assert.Contains("no database configured", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AcceptsICalendar_AndReportsAnUnchangedYear()
    {
        var before = await File.ReadAllTextAsync(CalendarPath);

        var (exit, output, error) = await RunAsync("calendars", "import", "--calendar", "cn-mainland", Sample("cn-mainland-2026.ics"));

        Assert.True(exit == 0, error);
        Assert.Contains("cn-mainland: 2026: unchanged", output, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(CalendarPath));
    }

    [Fact]
    public async Task Run_ImportsAPublishersFeed_NamingTheEventsItSkips()
    {
        var (exit, output, error) = await RunAsync("calendars", "import", "--calendar", "cn-mainland", Sample("public-holidays-2024-2025.ics"));

        Assert.True(exit == 0, error);
        Assert.Contains("cn-mainland: 2025: unchanged", output, StringComparison.Ordinal);
        Assert.Contains(output.Split('\n'), line => line.StartsWith("cn-mainland: skipped: ", StringComparison.Ordinal) && line.Contains("元宵节", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("holiday-cn-2027-unpublished.json", "not published", "an empty year")]
    [InlineData("holiday-cn-2025-contradicting.json", "both a day off and a make-up workday", "a self-contradicting year")]
    [InlineData("holiday-cn-2025-revised.json", "already in force", "a change to a year in force without --replace")]
    public async Task Run_RefusesAndLeavesTheFile_WhenTheImportIsWrong(string sample, string message, string edge)
    {
        var before = await File.ReadAllTextAsync(CalendarPath);

        var (exit, _, error) = await RunAsync("calendars", "import", "--calendar", "cn-mainland", Sample(sample));

        Assert.True(exit == 1, edge);
        Assert.True(error.Contains(message, StringComparison.Ordinal), $"{edge}: {error}");
        Assert.Equal(before, await File.ReadAllTextAsync(CalendarPath));
    }

    [Fact]
    public async Task Run_ReplacesAYearInForce_WithReplace()
    {
        var (exit, output, error) = await RunAsync("calendars", "import", "--calendar", "cn-mainland", Sample("holiday-cn-2025-revised.json"), "--replace");

        Assert.True(exit == 0, error);
        Assert.Contains("2025: replaced (days off added: 2025-10-09)", output, StringComparison.Ordinal);
        Assert.False(CalendarLoader.Load("cn-mainland.json", await File.ReadAllTextAsync(CalendarPath), TimeZoneInfo.FindSystemTimeZoneById).IsWorkingDay(new DateOnly(2025, 10, 9)));
    }

    [Theory]
    [InlineData(new[] { "calendars", "import", "--calendar", "cn-mainland" }, "Required argument 'file' missing")]
    [InlineData(new[] { "calendars", "import", "--calendar", "cn-mainland", "/nonexistent/2027.json" }, "no such file")]
    [InlineData(new[] { "calendars", "import", "--calendar", "nowhere", "/etc/hostname" }, "no calendar 'nowhere'")]
    public async Task Run_ExitsTwo_WhenArgumentsAreBad(string[] args, string message)
    {
        var (exit, _, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    private static string Sample(string name) => Path.Combine(Samples, name);

    private async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliDispatcher.TryRunAsync(args, output, error, configuration);
        return (exit ?? -1, output.ToString(), error.ToString());
    }
}
