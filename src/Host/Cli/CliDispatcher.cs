using Microsoft.Extensions.Configuration;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.Migrations;

namespace ServiceWindow.Host.Cli;

/// Chooses between serving the web app and running a command. Commands are listed in
/// <see cref="Commands"/>; the longest matching verb wins.
public static class CliDispatcher
{
    public static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new MigrateCommand(),
        new Demo.DemoLoadCommand(),
        new DeadlineCommand(),
        new CalendarsImportCommand(),
        new WorkflowsValidateCommand(),
        new VerifyHistoryCommand(),
    ];

    /// Runs the command named by <paramref name="args"/>, or returns null when the app should serve.
    public static Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default) =>
        TryRunAsync(args, output, error, configuration: null, cancellationToken);

    /// As above with the configuration given (tests point it at a scratch workflows folder); null builds the usual one.
    public static async Task<int?> TryRunAsync(
        string[] args, TextWriter output, TextWriter error, IConfiguration? configuration, CancellationToken cancellationToken = default)
    {
        if (args.Length == 0 || args[0].StartsWith('-') || args[0] == "serve")
        {
            return null;
        }
        if (args[0] is "help" or "-h")
        {
            PrintHelp(output);
            return 0;
        }

        var command = Commands
            .Where(c => c.Verb.Count <= args.Length && c.Verb.Select((w, i) => args[i] == w).All(m => m))
            .MaxBy(c => c.Verb.Count);
        if (command is null)
        {
            error.WriteLine($"servicewindow: unknown command '{args[0]}'");
            PrintHelp(error);
            return 2;
        }

        var context = new CliContext(configuration ?? Configuration.HostConfiguration.Build([]), output, error);
        try
        {
            return await command.RunAsync(context, args[command.Verb.Count..], cancellationToken);
        }
        catch (CliUsageException e)
        {
            error.WriteLine($"servicewindow: {e.Message}");
            error.WriteLine($"usage: servicewindow {command.Usage}");
            return 2;
        }
        catch (DatabaseUnreachableException e)
        {
            error.WriteLine($"servicewindow: {e.Message}");
            return 3;
        }
        catch (MigrationChecksumException e)
        {
            error.WriteLine($"servicewindow: {e.Message}");
            return 1;
        }
    }

    private static void PrintHelp(TextWriter writer)
    {
        writer.WriteLine("usage: servicewindow [serve] | <command>");
        foreach (var command in Commands)
        {
            writer.WriteLine($"  servicewindow {command.Usage}");
        }
    }
}
