using ServiceWindow.Host.Configuration;
using ServiceWindow.Persistence.Database;

namespace ServiceWindow.Host.Demo;

/// `servicewindow demo load`: a small civil-affairs office to try the app with. Safe to run again:
/// rows that exist are left as they are.
public sealed class DemoLoadCommand : Cli.ICliCommand
{
    public IReadOnlyList<string> Verb { get; } = ["demo", "load"];

    public string Usage => "demo load";

    public async Task<int> RunAsync(Cli.CliContext context, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        new Cli.CliArguments(arguments, new HashSet<string>()).RefuseUnknown();
        await using var dataSource = Database.CreateDataSource(HostConfiguration.ConnectionString(context.Configuration));
        await Database.EnsureReachableAsync(dataSource, cancellationToken);
        var staff = await DemoOrganisation.LoadAsync(dataSource, cancellationToken);
        context.Out.WriteLine($"demo data: 3 departments, 4 windows, {staff} staff");
        return 0;
    }
}
