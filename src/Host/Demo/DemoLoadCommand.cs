using System.CommandLine;
using ServiceWindow.Host.Cli;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Persistence.Database;

namespace ServiceWindow.Host.Demo;

/// `servicewindow demo load`: a small civil-affairs office to try the app with. Safe to run again:
/// rows that exist are left as they are.
public sealed class DemoLoadCommand : ICliCommand
{
    public IReadOnlyList<string> Group => ["demo"];

    public Command Create(CliContext context)
    {
        var command = new Command("load", "Loads a small civil-affairs office (departments, windows, staff); safe to run again.");
        command.SetAction((_, cancellationToken) => RunAsync(context, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        await using var dataSource = Database.CreateDataSource(HostConfiguration.ConnectionString(context.Configuration));
        await Database.EnsureReachableAsync(dataSource, cancellationToken);
        var staff = await DemoOrganisation.LoadAsync(dataSource, cancellationToken);
        context.Out.WriteLine($"demo data: 3 departments, 4 windows, {staff} staff");
        return CliDispatcher.Done;
    }
}
