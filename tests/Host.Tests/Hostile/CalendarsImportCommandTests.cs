using System.Text;
using Microsoft.Extensions.Configuration;
using ServiceWindow.Host.Cli;

namespace ServiceWindow.Host.Tests.Hostile;

/// Wrong files and path names given to `calendars import`: each refused with a message and an exit
/// code, no stack trace, the calendar file as it was and no file written anywhere else.
public sealed class CalendarsImportCommandTests : IDisposable
{
    private readonly string workflows = Directory.CreateTempSubdirectory("servicewindow-hostile-calendars-").FullName;
    private readonly string inputs = Directory.CreateTempSubdirectory("servicewindow-hostile-inputs-").FullName;

    public CalendarsImportCommandTests()
    {
        Directory.CreateDirectory(Path.Combine(workflows, "calendars"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "calendars", "cn-mainland.json"), Path.Combine(workflows, "calendars", "cn-mainland.json"));
    }

    public void Dispose()
    {
        Directory.Delete(workflows, recursive: true);
        Directory.Delete(inputs, recursive: true);
    }

    public static TheoryData<string, string, byte[]> BadFiles() => new()
    {
        { "binary bytes", "holidays.json", [0x00, 0xFF, 0xFE, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A] },
        { "empty file", "holidays.json", [] },
        { "JSON array", "holidays.json", "[]"u8.ToArray() },
        { "JSON of another shape", "holidays.json", """{"name":"x","days":"soon"}"""u8.ToArray() },
        { "year out of range", "holidays.json", """{"year":99999,"papers":[],"days":[{"name":"x","date":"99999-01-01","isOffDay":true}]}"""u8.ToArray() },
        { "date that does not exist", "holidays.json", """{"year":2027,"papers":["p"],"days":[{"name":"x","date":"2027-02-30","isOffDay":true}]}"""u8.ToArray() },
        { "deep nesting", "holidays.json", Encoding.UTF8.GetBytes("{\"year\":2027,\"days\":" + HostileInputs.Nested(100000) + "}") },
        { "unclosed JSON", "holidays.json", """{"year":2027,"days":[{"""u8.ToArray() },
        { "iCalendar without events", "holidays.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"u8.ToArray() },
        { "iCalendar with a broken date", "holidays.ics",
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2027-13-45\r\nSUMMARY:假期 休\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"u8.ToArray() },
        { "iCalendar never closed", "holidays.ics", "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\n"u8.ToArray() },
        { "script in a holiday name", "holidays.json",
            """{"year":2027,"papers":[],"days":[{"name":"<script>alert(1)</script>","date":"2027-01-01","isOffDay":"yes"}]}"""u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Run_RefusesWithAMessageAndWritesNothing_WhenTheFileIsWrong(string what, string name, byte[] content)
    {
        var file = Path.Combine(inputs, name);
        await File.WriteAllBytesAsync(file, content);
        var before = Snapshot();

        var (exit, output, error) = await RunAsync("calendars", "import", "--calendar", "cn-mainland", file);

        Assert.True(exit is 1 or 2, $"{what}: exit {exit}, {output}{error}");
        Assert.True(error.Length > 0, $"{what}: refused without saying why");
        HostileRequests.AssertNothingInternal(output + error, what);
        Assert.Equal(before, Snapshot());
    }

    public static TheoryData<string, string[]> BadPaths() => new()
    {
        { "missing file", ["--calendar", "cn-mainland", "/no/such/holidays.json"] },
        { "a folder", ["--calendar", "cn-mainland", "/tmp"] },
        { "a device", ["--calendar", "cn-mainland", "/dev/null"] },
        { "climbing out in the file", ["--calendar", "cn-mainland", "../../../../../../etc/passwd"] },
        { "climbing out in the calendar id", ["--calendar", "../../../../tmp/owned", "SAMPLE"] },
        { "absolute calendar id", ["--calendar", "/tmp/owned", "SAMPLE"] },
        { "empty calendar id", ["--calendar", "", "SAMPLE"] },
    };

    [Theory]
    [MemberData(nameof(BadPaths))]
    public async Task Run_RefusesWithAMessageAndWritesNothing_WhenAPathIsWrong(string what, string[] arguments)
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "CalendarSamples", "holiday-cn-2027-made-up.json");
        var before = Snapshot();
        var owned = Directory.Exists("/tmp/owned") || File.Exists("/tmp/owned.json");

        var (exit, output, error) = await RunAsync(["calendars", "import", .. arguments.Select(a => a == "SAMPLE" ? sample : a)]);

        Assert.True(exit is 1 or 2, $"{what}: exit {exit}, {output}{error}");
        Assert.True(error.Length > 0, $"{what}: refused without saying why");
        HostileRequests.AssertNothingInternal(output + error, what);
        Assert.Equal(before, Snapshot());
        Assert.Equal(owned, Directory.Exists("/tmp/owned") || File.Exists("/tmp/owned.json"));
    }

    // Every file under the scratch workflows folder with its content.
    private string Snapshot() => string.Join("\n", Directory.EnumerateFiles(workflows, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
        .Select(f => f + ":" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))));

    private async Task<(int? Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("ServiceWindow:WorkflowsPath", workflows)]).Build();
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliDispatcher.TryRunAsync(args, output, error, configuration);
        return (exit, output.ToString(), error.ToString());
    }
}
