using System.CommandLine;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.Users;

namespace ServiceWindow.Host.Cli;

/// `servicewindow users list`: every sign-in account, one a line: login, name, roles, window, and
/// whether it is disabled or locked.
public sealed class UsersListCommand : ICliCommand
{
    public IReadOnlyList<string> Group => ["users"];

    public Command Create(CliContext context)
    {
        var command = new Command("list", "Lists the sign-in accounts with their roles.");
        command.SetAction((_, cancellationToken) => RunAsync(context, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        await using var dataSource = Database.CreateDataSource(HostConfiguration.ConnectionString(context.Configuration));
        await Database.EnsureReachableAsync(dataSource, cancellationToken);
        var now = DateTimeOffset.UtcNow;
        foreach (var user in await new UserStore(dataSource).ListAsync(cancellationToken))
        {
            var state = user.DisabledAt is not null ? "disabled" : user.LockedUntil > now ? "locked" : "active";
            context.Out.WriteLine($"{user.Login}\t{user.DisplayName}\t{string.Join(",", user.Roles)}\t{user.WindowId ?? "-"}\t{state}");
        }
        return CliDispatcher.Done;
    }
}
