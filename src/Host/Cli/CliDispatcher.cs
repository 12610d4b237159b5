using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Microsoft.Extensions.Configuration;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.Migrations;

namespace ServiceWindow.Host.Cli;

/// Chooses between serving the web app and running a command, on System.CommandLine. The command
/// tree is built from every <see cref="ICliCommand"/> in this assembly; a group (`calendars`,
/// `workflows`) is made from the first word of its commands' <see cref="ICliCommand.Group"/>.
public static class CliDispatcher
{
    public const int Done = 0;
    public const int ProblemsFound = 1;
    public const int BadArguments = 2;
    public const int DatabaseUnreachable = 3;

    // A group without an entry here is described by its name alone.
    private static readonly Dictionary<string, string> GroupDescriptions = new(StringComparer.Ordinal)
    {
        ["calendars"] = "Working calendars: import published holiday years.",
        ["demo"] = "Demo data to try the app with.",
        ["workflows"] = "Workflow definitions: check them before they are deployed.",
    };

    // The options the root understands itself; any other leading option is the web host's (`--urls`).
    private static readonly HashSet<string> RootOptions = new(StringComparer.Ordinal) { "-h", "--help", "-?", "/?", "/h", "--version" };

    /// Every command, found once.
    public static IReadOnlyList<ICliCommand> Commands { get; } = typeof(ICliCommand).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICliCommand).IsAssignableFrom(t))
        .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
        .ToList();

    /// Runs the command named by <paramref name="args"/>, or returns null when the app should serve.
    public static Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        TryRunAsync(args, output, error, configuration: null, cancellationToken);

    /// As above with the configuration given (tests point it at a scratch workflows folder); null builds the usual one.
    public static async Task<int?> TryRunAsync(
        string[] args, TextWriter output, TextWriter error, IConfiguration? configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || (args[0].StartsWith('-') && !RootOptions.Contains(args[0])))
        {
            return null;
        }
        var context = new CliContext(configuration ?? Configuration.HostConfiguration.Build([]), output, error);
        var root = CreateRoot(context);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            if (parsed.CommandResult.Command == root && !args[0].StartsWith('-'))
            {
                error.WriteLine($"servicewindow: unknown command '{args[0]}'");
            }
            else
            {
                foreach (var problem in parsed.Errors)
                {
                    error.WriteLine($"servicewindow: {problem.Message}");
                }
            }
            WriteUsage(root, parsed.CommandResult, error);
            return BadArguments;
        }
        if (parsed.CommandResult is { Command.Name: ServeCommand.Name, Parent: CommandResult { Command: RootCommand } }
            && parsed.Action is not HelpAction)
        {
            return null;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            }, cancellationToken);
        }
        catch (CliUsageException e)
        {
            error.WriteLine($"servicewindow: {e.Message}");
            WriteUsage(root, parsed.CommandResult, error);
            return BadArguments;
        }
        catch (DatabaseUnreachableException e)
        {
            error.WriteLine($"servicewindow: {e.Message}");
            return DatabaseUnreachable;
        }
        catch (MigrationChecksumException e)
        {
            error.WriteLine($"servicewindow: {e.Message}");
            return ProblemsFound;
        }
    }

    /// The arguments for the web host: `serve` itself is the dispatcher's word, not a setting.
    public static string[] HostArguments(string[] args) =>
        args.Length > 0 && args[0] == ServeCommand.Name ? args[1..] : args;

    public static RootCommand CreateRoot(CliContext context)
    {
        var root = new RootCommand("ServiceWindow: service window cases with their time limits, escalation and accountability. "
            + "Without a command it serves the web app.")
        {
            // The name a person types, also when the code runs inside another process (the tests' host).
            HelpName = "servicewindow",
        };
        var groups = new Dictionary<string, Command>(StringComparer.Ordinal);
        foreach (var command in Commands.OrderBy(c => string.Join(' ', c.Group), StringComparer.Ordinal))
        {
            Command parent = root;
            foreach (var word in command.Group)
            {
                var path = $"{parent.Name} {word}";
                if (!groups.TryGetValue(path, out var group))
                {
                    group = new Command(word, GroupDescriptions.GetValueOrDefault(word, word));
                    groups.Add(path, group);
                    parent.Subcommands.Add(group);
                }
                parent = group;
            }
            parent.Subcommands.Add(command.Create(context));
        }
        return root;
    }

    // The help of the command the arguments reached, so a mistake is shown next to what is allowed.
    private static void WriteUsage(RootCommand root, CommandResult reached, TextWriter writer)
    {
        var path = new List<string>();
        for (var result = reached; result.Parent is CommandResult parent; result = parent)
        {
            path.Insert(0, result.Command.Name);
        }
        writer.WriteLine();
        root.Parse([.. path, "--help"]).Invoke(new InvocationConfiguration { Output = writer, Error = writer });
    }
}
