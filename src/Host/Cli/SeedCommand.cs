using System.CommandLine;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Host.Demo;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.Users;

namespace ServiceWindow.Host.Cli;

/// `servicewindow seed --demo [--months 6] [--seed N] [--users-file PATH]`: the demo office with
/// months of cases played through the engine up to now, its past months closed, and one sign-in
/// account per role. A second run finds the cases there and writes nothing.
public sealed class SeedCommand : ICliCommand
{
    public const int DefaultSeed = 20260101;

    public IReadOnlyList<string> Group => [];

    public Command Create(CliContext context)
    {
        var demo = new Option<bool>("--demo") { Description = "Load the demo office (the only seed there is).", Required = true };
        var months = new Option<int>("--months") { Description = "Whole months of history before the current one.", DefaultValueFactory = _ => 6 };
        var seed = new Option<int>("--seed") { Description = "The random seed: the same seed makes the same office.", DefaultValueFactory = _ => DefaultSeed };
        var usersFile = new Option<string?>("--users-file")
        {
            Description = "Where the demo accounts' passwords are written (default ServiceWindow:DemoUsersFile, else .data/demo-users.txt).",
            HelpName = "path",
        };
        var command = new Command("seed", "Loads the demo office: organisation, accounts, and months of cases generated through the engine.")
        {
            demo, months, seed, usersFile,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(context, parsed.GetValue(months), parsed.GetValue(seed),
            parsed.GetValue(usersFile), TimeProvider.System.GetUtcNow(), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, int months, int seed, string? usersFile, DateTimeOffset until,
        CancellationToken cancellationToken)
    {
        if (months is < 1 or > 24)
        {
            throw new CliUsageException("--months must be between 1 and 24");
        }
        await using var dataSource = Database.CreateDataSource(HostConfiguration.ConnectionString(context.Configuration));
        await Database.EnsureReachableAsync(dataSource, cancellationToken);
        var catalog = new FileWorkflowCatalog(context.Configuration);
        var terminal = ReferenceEquals(context.Out, Console.Out) && !Console.IsOutputRedirected;
        var summary = await new DemoOffice(dataSource, catalog).LoadAsync(months, seed, until, new DemoProgress(context.Out, terminal), cancellationToken);

        var file = usersFile ?? context.Configuration["ServiceWindow:DemoUsersFile"] ?? Path.Combine(".data", "demo-users.txt");
        var store = new UserStore(dataSource);
        var accounts = await new DemoUsers(new UserAccounts(store, TimeProvider.System), store).CreateAsync(file, cancellationToken);
        foreach (var line in accounts)
        {
            context.Out.WriteLine($"  account {line}");
        }
        if (summary.AlreadyLoaded)
        {
            context.Out.WriteLine($"demo office already loaded for seed {seed}: nothing changed");
            return CliDispatcher.Done;
        }
        foreach (var (kind, count) in summary.Counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            context.Out.WriteLine($"  {kind,-32} {count,6}");
        }
        context.Out.WriteLine($"demo office loaded for seed {seed}: {summary.ClosedMonths.Count} months closed, "
            + $"{summary.Refused} steps given up, {summary.Elapsed.TotalSeconds:0.0} s");
        if (accounts.Count > 0)
        {
            context.Out.WriteLine($"demo accounts written to {file}");
        }
        return CliDispatcher.Done;
    }
}
