namespace ServiceWindow.Host.Cli;

/// One `servicewindow <verb>` command. Exit codes: 0 success, 1 the work found problems,
/// 2 bad arguments, 3 the database could not be reached.
public interface ICliCommand
{
    /// The words that select the command, e.g. `["calendars", "import"]`.
    IReadOnlyList<string> Verb { get; }

    string Usage { get; }

    Task<int> RunAsync(CliContext context, IReadOnlyList<string> arguments, CancellationToken cancellationToken);
}
