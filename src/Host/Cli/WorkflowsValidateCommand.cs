using ServiceWindow.Host.Configuration;
using ServiceWindow.Host.Workflows;

namespace ServiceWindow.Host.Cli;

/// `servicewindow workflows validate [dir]`: checks every definition in the folder (default: the configured
/// workflows folder), prints each problem as `file: $.path: problem`, exits 1 when there is any.
public sealed class WorkflowsValidateCommand : ICliCommand
{
    public IReadOnlyList<string> Verb { get; } = ["workflows", "validate"];

    public string Usage => "workflows validate [dir]";

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var parsed = new CliArguments(arguments, new HashSet<string>());
        parsed.RefuseUnknown();
        if (parsed.Positional.Count > 1)
        {
            throw new CliUsageException("give at most one folder");
        }
        var folder = parsed.Positional.Count == 1
            ? Path.GetFullPath(parsed.Positional[0])
            : HostConfiguration.WorkflowsPath(context.Configuration);
        if (!Directory.Exists(folder))
        {
            throw new CliUsageException($"no such folder: {folder}");
        }

        var result = await DefinitionFiles.ParseAsync(folder, cancellationToken);
        foreach (var problem in result.Problems)
        {
            context.Out.WriteLine(problem.ToString());
        }
        if (result.Catalog is { } catalog)
        {
            var count = catalog.All.Count();
            context.Out.WriteLine(count == 0
                ? $"workflows: no definitions in {folder}"
                : $"workflows: {count} definition{(count == 1 ? "" : "s")} valid in {folder}");
            return 0;
        }
        var files = result.Problems.Select(p => p.File).Distinct(StringComparer.Ordinal).Count();
        context.Out.WriteLine($"workflows: {result.Problems.Count} problem{(result.Problems.Count == 1 ? "" : "s")} in {files} file{(files == 1 ? "" : "s")}");
        return 1;
    }
}
