using System.CommandLine;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.Users;

namespace ServiceWindow.Host.Cli;

/// `servicewindow users add --login L --name N --roles clerk,handler [--window CODE]`: creates or
/// replaces a sign-in account; the password is read from standard input (first line), so it never
/// shows in the process list or the shell history.
public sealed class UsersAddCommand : ICliCommand
{
    public IReadOnlyList<string> Group => ["users"];

    public Command Create(CliContext context)
    {
        var login = new Option<string>("--login") { Description = "The staff id to sign in with.", HelpName = "staff-id", Required = true };
        var name = new Option<string>("--name") { Description = "The person's display name.", Required = true };
        var roles = new Option<string>("--roles")
        {
            Description = $"Comma-separated roles: {string.Join(", ", StaffRoles.All)}.",
            HelpName = "roles",
            Required = true,
        };
        var window = new Option<string?>("--window") { Description = "The window the person works at (needed for a new staff member).", HelpName = "code" };
        var command = new Command("add", "Creates or replaces a sign-in account; the password is read from standard input.") { login, name, roles, window };
        command.SetAction((parsed, cancellationToken) => RunAsync(context, parsed.GetRequiredValue(login), parsed.GetRequiredValue(name),
            parsed.GetRequiredValue(roles), parsed.GetValue(window), Console.In, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string login, string name, string roles, string? window, TextReader input,
        CancellationToken cancellationToken)
    {
        var roleList = roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (roleList.Length == 0 || roleList.Any(r => !StaffRoles.All.Contains(r)))
        {
            throw new CliUsageException($"--roles: each role must be one of {string.Join(", ", StaffRoles.All)}");
        }
        var password = (await input.ReadLineAsync(cancellationToken))?.TrimEnd('\r');
        if (password is null || password.Length < UserAccounts.MinimumPasswordLength)
        {
            throw new CliUsageException($"a password of at least {UserAccounts.MinimumPasswordLength} characters is expected on standard input");
        }
        await using var dataSource = Database.CreateDataSource(HostConfiguration.ConnectionString(context.Configuration));
        await Database.EnsureReachableAsync(dataSource, cancellationToken);
        try
        {
            await new UserAccounts(new UserStore(dataSource), TimeProvider.System).AddAsync(login, name, roleList, password, window,
                cancellationToken: cancellationToken);
        }
        catch (Exception e) when (e is ArgumentException or Npgsql.PostgresException { SqlState: "23503" })
        {
            context.Error.WriteLine($"users add: {(e is ArgumentException ? e.Message : $"no such window: {window}")}");
            return CliDispatcher.ProblemsFound;
        }
        context.Out.WriteLine($"user {login}: {string.Join(",", roleList)}");
        return CliDispatcher.Done;
    }
}
