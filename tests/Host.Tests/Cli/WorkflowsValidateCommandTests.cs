using ServiceWindow.Host.Cli;

namespace ServiceWindow.Host.Tests.Cli;

public sealed class WorkflowsValidateCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("servicewindow-workflows-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Shipped(string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "workflows", file);
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException(file);
    }

    private static async Task<(int? Exit, string Out, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await CliDispatcher.TryRunAsync(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Validate_ExitsZero_WhenEveryShippedDefinitionIsValid()
    {
        var (exit, output, _) = await Run("workflows", "validate", Path.GetDirectoryName(Shipped("marriage-registration.json"))!);

        Assert.Equal(0, exit);
        Assert.Contains("9 definitions valid", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_PrintsFilePathAndProblem_AndExitsOne_WhenADefinitionIsBroken()
    {
        File.Copy(Shipped("marriage-registration.json"), Path.Combine(folder, "marriage-registration.json"));
        var broken = (await File.ReadAllTextAsync(Shipped("certificate-reissue.json")))
            .Replace("\"target\": \"reissued\"", "\"target\": \"reissud\"", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "certificate-reissue.json"), broken);

        var (exit, output, error) = await Run("workflows", "validate", folder);

        Assert.Equal(1, exit);
        Assert.Empty(output);
        Assert.Equal(
            [
                "certificate-reissue.json: $.stages[0].actions[0].target: unknown stage 'reissud'",
                "workflows: 1 problem in 1 file",
            ],
            error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Validate_ExitsOne_WhenTwoFilesShareIdAndVersion()
    {
        File.Copy(Shipped("marriage-registration.json"), Path.Combine(folder, "a.json"));
        File.Copy(Shipped("marriage-registration.json"), Path.Combine(folder, "b.json"));

        var (exit, _, error) = await Run("workflows", "validate", folder);

        Assert.Equal(1, exit);
        Assert.Contains("b.json: $.version: duplicate definition 'marriage-registration' version 1 (also in a.json)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_NamesTheLineCountedFromOne_WhenAFileIsNotValidJson()
    {
        // Line 3 lacks its comma; the parser finds out at the next property, on line 4.
        await File.WriteAllTextAsync(Path.Combine(folder, "broken.json"), "{\n  \"id\": \"broken\",\n  \"version\": 1\n  \"name\": {}\n}\n");

        var (exit, _, error) = await Run("workflows", "validate", folder);

        Assert.Equal(1, exit);
        var problem = error.Split(Environment.NewLine)[0];
        Assert.StartsWith("broken.json: line 4: not valid JSON: ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ExitsTwo_WhenTheFolderDoesNotExist()
    {
        var (exit, _, error) = await Run("workflows", "validate", Path.Combine(folder, "missing"));

        Assert.Equal(2, exit);
        Assert.Contains("no such folder", error, StringComparison.Ordinal);
    }
}
