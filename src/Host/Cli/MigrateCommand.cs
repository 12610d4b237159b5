using ServiceWindow.Host.Configuration;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.Migrations;

namespace ServiceWindow.Host.Cli;

/// `servicewindow migrate`: applies pending migrations and says which.
public sealed class MigrateCommand : ICliCommand
{
    public IReadOnlyList<string> Verb { get; } = ["migrate"];

    public string Usage => "migrate";

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        new CliArguments(arguments, new HashSet<string>()).RefuseUnknown();
        await using var dataSource = Database.CreateDataSource(HostConfiguration.ConnectionString(context.Configuration));
        await Database.EnsureReachableAsync(dataSource, cancellationToken);
        var applied = await new MigrationRunner(dataSource).MigrateAsync(cancellationToken);
        context.Out.WriteLine(applied.Count == 0
            ? "migrations: up to date"
            : $"migrations: applied {string.Join(", ", applied)}");
        return 0;
    }
}
