using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Persistence.Catalogue;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Host.Cli;

/// `servicewindow stats honours --quarter YYYY-Qn [--format table|json]`: the stored red-flag windows
/// and service stars of a quarter as the honours job awarded them, each score explained line by line,
/// and who a confirmed finding left out; exit 1 when the quarter has not been awarded.
public sealed class StatsHonoursCommand : ICliCommand
{
    public IReadOnlyList<string> Group => ["stats"];

    public Command Create(CliContext context)
    {
        var quarter = new Option<string>("--quarter") { Description = "The quarter, e.g. 2026-Q4.", HelpName = "YYYY-Qn", Required = true };
        var format = new Option<string>("--format") { Description = "table or json.", HelpName = "table|json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("honours", "Prints the stored red-flag windows and service stars of a quarter, each score explained.") { quarter, format };
        command.SetAction((parsed, cancellationToken) => RunAsync(context, parsed.GetRequiredValue(quarter), parsed.GetValue(format)!, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string quarterText, string format, CancellationToken cancellationToken)
    {
        if (!StatisticsQuarter.TryParse(quarterText, out var quarter))
        {
            throw new CliUsageException($"--quarter '{quarterText}' is not a quarter such as 2026-Q4");
        }
        await using var dataSource = Database.CreateDataSource(HostConfiguration.ConnectionString(context.Configuration));
        await Database.EnsureReachableAsync(dataSource, cancellationToken);
        var catalog = new FileWorkflowCatalog(context.Configuration);
        catalog.IncludePublished(await new DefinitionVersions(dataSource).AllAsync(cancellationToken));
        var report = await new QuarterlyHonoursRegister(dataSource, catalog, TimeProvider.System).GetAsync(quarter, cancellationToken);
        if (report is null)
        {
            context.Out.WriteLine($"{quarter}: not awarded yet (the honours job runs once the quarter's three months are closed)");
            return CliDispatcher.ProblemsFound;
        }
        if (format == "json")
        {
            context.Out.WriteLine(JsonSerializer.Serialize(HonoursResponse.From(report), StatsRankingCommand.Json));
            return CliDispatcher.Done;
        }
        context.Out.WriteLine($"{quarter} honours, weights: {StatsRankingCommand.Describe(report.Weights)}");
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"red-flag windows, places: {report.Places.RedFlagWindows}"));
        StatsRankingCommand.WriteEntries(context.Out, report.RedFlagWindows);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"service stars, places: {report.Places.ServiceStars}"));
        StatsRankingCommand.WriteEntries(context.Out, report.ServiceStars);
        context.Out.WriteLine($"not eligible, a finding confirmed in the quarter: windows {Barred(report.BarredWindows)}; staff {Barred(report.BarredStaff)}");
        return CliDispatcher.Done;
    }

    private static string Barred(IReadOnlyList<BarredCandidate> barred) => barred.Count == 0
        ? "none"
        : string.Join(", ", barred.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Key} ({b.ConfirmedFindings})")));
}
