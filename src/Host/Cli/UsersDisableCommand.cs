using System.CommandLine;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.Users;

namespace ServiceWindow.Host.Cli;

/// `servicewindow users disable L`: the account can no longer sign in; its row stays, so history
/// entries keep naming a known person. Exit 1 when there is no such account.
public sealed class UsersDisableCommand : ICliCommand
{
    public IReadOnlyList<string> Group => ["users"];

    public Command Create(CliContext context)
    {
        var login = new Argument<string>("login") { Description = "The account's login (staff id)." };
        var command = new Command("disable", "Stops an account from signing in.") { login };
        command.SetAction((parsed, cancellationToken) => RunAsync(context, parsed.GetRequiredValue(login), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string login, CancellationToken cancellationToken)
    {
        await using var dataSource = Database.CreateDataSource(HostConfiguration.ConnectionString(context.Configuration));
        await Database.EnsureReachableAsync(dataSource, cancellationToken);
        if (!await new UserAccounts(new UserStore(dataSource), TimeProvider.System).DisableAsync(login, cancellationToken))
        {
            context.Error.WriteLine($"users disable: no such account: {login}");
            return CliDispatcher.ProblemsFound;
        }
        context.Out.WriteLine($"user {login}: disabled");
        return CliDispatcher.Done;
    }
}
