using System.CommandLine;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.Migrations;

namespace ServiceWindow.Host.Cli;

/// `servicewindow migrate`: applies pending migrations and says which.
public sealed class MigrateCommand : ICliCommand
{
    public IReadOnlyList<string> Group => [];

    public Command Create(CliContext context)
    {
        var command = new Command("migrate", "Applies the database migrations not applied yet and names them.");
        command.SetAction((_, cancellationToken) => RunAsync(context, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        await using var dataSource = Database.CreateDataSource(HostConfiguration.ConnectionString(context.Configuration));
        await Database.EnsureReachableAsync(dataSource, cancellationToken);
        var applied = await new MigrationRunner(dataSource).MigrateAsync(cancellationToken);
        context.Out.WriteLine(applied.Count == 0
            ? "migrations: up to date"
            : $"migrations: applied {string.Join(", ", applied)}");
        return CliDispatcher.Done;
    }
}
