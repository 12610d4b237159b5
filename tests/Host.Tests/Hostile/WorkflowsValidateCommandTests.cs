using System.Text;
using ServiceWindow.Host.Cli;

namespace ServiceWindow.Host.Tests.Hostile;

/// Wrong definition files and path names given to `workflows validate`: each reported as a problem
/// with exit 1 (or a usage error, exit 2), never a stack trace.
public sealed class WorkflowsValidateCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("servicewindow-hostile-workflows-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    public static TheoryData<string, byte[]> BadDefinitions() => new()
    {
        { "binary bytes", [0x00, 0xFF, 0xFE, 0x89, 0x50, 0x4E, 0x47] },
        { "empty file", [] },
        { "JSON array", "[]"u8.ToArray() },
        { "null", "null"u8.ToArray() },
        { "wrong types", """{"id":5,"version":"one","stages":"all"}"""u8.ToArray() },
        { "huge version", Encoding.UTF8.GetBytes("{\"id\":\"x\",\"version\":" + new string('9', 500) + "}") },
        { "deep nesting", Encoding.UTF8.GetBytes("{\"id\":\"x\",\"stages\":" + HostileInputs.Nested(100000) + "}") },
        { "unclosed", """{"id":"x","stages":[{"""u8.ToArray() },
        { "invalid UTF-8", [.. "{\"id\":\""u8.ToArray(), 0xC3, 0x28, .. "\"}"u8.ToArray()] },
        { "script and SQL in names", """{"id":"<script>alert(1)</script>","version":1,"name":"'; drop table cases; --","stages":[]}"""u8.ToArray() },
        { "path in the id", """{"id":"../../etc/passwd","version":1,"stages":[]}"""u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(BadDefinitions))]
    public async Task Validate_ReportsAProblemAndExitsOne_WhenADefinitionIsHostile(string what, byte[] content)
    {
        await File.WriteAllBytesAsync(Path.Combine(folder, "hostile.json"), content);

        var (exit, output, error) = await RunAsync("workflows", "validate", folder);

        Assert.True(exit == 1, $"{what}: exit {exit}, {output}{error}");
        Assert.Contains("hostile.json", error, StringComparison.Ordinal);
        HostileRequests.AssertNothingInternal(output + error, what);
    }

    [Theory]
    [InlineData("missing folder", "/no/such/folder")]
    [InlineData("a device", "/dev/null")]
    [InlineData("climbing out", "../../../../../../../no/such/place")]
    public async Task Validate_RefusesWithAMessage_WhenThePathIsWrong(string what, string path)
    {
        var (exit, output, error) = await RunAsync("workflows", "validate", path);

        Assert.True(exit is 1 or 2, $"{what}: exit {exit}, {output}{error}");
        Assert.True(error.Length > 0, $"{what}: refused without saying why");
        HostileRequests.AssertNothingInternal(output + error, what);
    }

    private static async Task<(int? Exit, string Out, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliDispatcher.TryRunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
