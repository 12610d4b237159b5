using System.CommandLine;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Persistence.Catalogue;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.Statistics;

namespace ServiceWindow.Host.Cli;

/// `servicewindow stats verify --month YYYY-MM`: recomputes a closed month from the case history it
/// counted; exit 1 listing every count that differs from the frozen figures, or when the month is not closed.
public sealed class StatsVerifyCommand : ICliCommand
{
    public IReadOnlyList<string> Group => ["stats"];

    public Command Create(CliContext context)
    {
        var month = new Option<string>("--month") { Description = "The closed month, e.g. 2026-10.", HelpName = "YYYY-MM", Required = true };
        var command = new Command("verify", "Recomputes a closed month from the case history; exit 1 lists every difference from the frozen figures.")
        {
            month,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(context, parsed.GetRequiredValue(month), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string monthText, CancellationToken cancellationToken)
    {
        var month = StatsMonthlyCommand.ParseMonth(monthText);
        await using var dataSource = Database.CreateDataSource(HostConfiguration.ConnectionString(context.Configuration));
        await Database.EnsureReachableAsync(dataSource, cancellationToken);
        var catalog = new FileWorkflowCatalog(context.Configuration);
        catalog.IncludePublished(await new DefinitionVersions(dataSource).AllAsync(cancellationToken));
        var result = await new StatisticsVerification(dataSource, catalog).VerifyAsync(month, cancellationToken);
        if (!result.Closed)
        {
            context.Out.WriteLine($"{month:yyyy-MM}: not closed, nothing frozen to verify");
            return CliDispatcher.ProblemsFound;
        }
        foreach (var d in result.Differences)
        {
            var key = d.Key.Length == 0 ? "(none)" : d.Key;
            context.Out.WriteLine($"{d.Dimension.ToString().ToLowerInvariant()} {key}: {d.Count} frozen {d.Frozen}, recomputed {d.Recomputed}");
        }
        context.Out.WriteLine(result.Intact
            ? $"{month:yyyy-MM}: {result.CasesRecomputed} cases recomputed from history, every frozen figure reproduced"
            : $"{month:yyyy-MM}: {result.CasesRecomputed} cases recomputed from history, {result.Differences.Count} difference(s)");
        return result.Intact ? CliDispatcher.Done : CliDispatcher.ProblemsFound;
    }
}
