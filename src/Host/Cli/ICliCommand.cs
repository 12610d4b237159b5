using System.CommandLine;

namespace ServiceWindow.Host.Cli;

/// One `servicewindow` command, in a file of its own. <see cref="CliDispatcher"/> finds every
/// implementation in this assembly, so adding a command is adding its file. The action returns the
/// exit code: 0 done, 1 the work found problems, 2 bad arguments (or throw <see cref="CliUsageException"/>),
/// 3 the database could not be reached (throw <see cref="Persistence.Database.DatabaseUnreachableException"/>).
public interface ICliCommand
{
    /// The words before the command's own name, e.g. `["calendars"]` for `calendars import`; empty at the top.
    IReadOnlyList<string> Group { get; }

    /// The command with its description, options, arguments and action.
    Command Create(CliContext context);
}
