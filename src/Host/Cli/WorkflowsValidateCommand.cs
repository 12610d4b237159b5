using System.CommandLine;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Host.Workflows;

namespace ServiceWindow.Host.Cli;

/// `servicewindow workflows validate [dir]`: checks every definition in the folder (default: the configured
/// workflows folder). Each problem goes to stderr as `file: $.path: problem`; exit 1 when there is any.
public sealed class WorkflowsValidateCommand : ICliCommand
{
    public IReadOnlyList<string> Group => ["workflows"];

    public Command Create(CliContext context)
    {
        var folder = new Argument<string?>("dir")
        {
            Description = "The folder of definitions (default: the configured workflows folder).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("validate", "Checks every workflow definition in a folder; exit 1 lists each problem on stderr.") { folder };
        command.SetAction((parsed, cancellationToken) => RunAsync(context, parsed.GetValue(folder), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string? given, CancellationToken cancellationToken)
    {
        var folder = given is null ? HostConfiguration.WorkflowsPath(context.Configuration) : Path.GetFullPath(given);
        if (!Directory.Exists(folder))
        {
            throw new CliUsageException($"no such folder: {folder}");
        }

        var result = await DefinitionFiles.ParseAsync(folder, cancellationToken);
        foreach (var problem in result.Problems)
        {
            context.Error.WriteLine(problem.ToString());
        }
        if (result.Catalog is { } catalog)
        {
            var count = catalog.All.Count();
            context.Out.WriteLine(count == 0
                ? $"workflows: no definitions in {folder}"
                : $"workflows: {count} definition{(count == 1 ? "" : "s")} valid in {folder}");
            return CliDispatcher.Done;
        }
        var files = result.Problems.Select(p => p.File).Distinct(StringComparer.Ordinal).Count();
        context.Error.WriteLine($"workflows: {result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")} in {files} file{(files == 1 ? "" : "s")}");
        return CliDispatcher.ProblemsFound;
    }
}
