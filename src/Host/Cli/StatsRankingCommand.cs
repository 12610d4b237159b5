using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Persistence.Catalogue;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Host.Cli;

/// `servicewindow stats ranking --month YYYY-MM [--format table|json]`: the stored window ranking of a
/// closed month as the ranking job made it, each score explained line by line; exit 1 when the month
/// has not been ranked.
public sealed class StatsRankingCommand : ICliCommand
{
    // Indented, with Chinese names as they are rather than escaped: read by people as much as by programs.
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public IReadOnlyList<string> Group => ["stats"];

    public Command Create(CliContext context)
    {
        var month = new Option<string>("--month") { Description = "The ranked month, e.g. 2026-10.", HelpName = "YYYY-MM", Required = true };
        var format = new Option<string>("--format") { Description = "table or json.", HelpName = "table|json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("ranking", "Prints the stored window ranking of a closed month, each score explained.") { month, format };
        command.SetAction((parsed, cancellationToken) => RunAsync(context, parsed.GetRequiredValue(month), parsed.GetValue(format)!, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string monthText, string format, CancellationToken cancellationToken)
    {
        var month = StatsMonthlyCommand.ParseMonth(monthText);
        await using var dataSource = Database.CreateDataSource(HostConfiguration.ConnectionString(context.Configuration));
        await Database.EnsureReachableAsync(dataSource, cancellationToken);
        var catalog = new FileWorkflowCatalog(context.Configuration);
        catalog.IncludePublished(await new DefinitionVersions(dataSource).AllAsync(cancellationToken));
        var report = await new MonthlyRanking(dataSource, catalog, TimeProvider.System).GetAsync(month, cancellationToken);
        if (report is null)
        {
            context.Out.WriteLine($"{month:yyyy-MM}: not ranked yet (the ranking job runs after the month close)");
            return CliDispatcher.ProblemsFound;
        }
        if (format == "json")
        {
            context.Out.WriteLine(JsonSerializer.Serialize(new
            {
                month = month.ToString("yyyy-MM", CultureInfo.InvariantCulture), report.RankedAt, report.Weights, report.Entries,
            }, Json));
            return CliDispatcher.Done;
        }
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{month:yyyy-MM} window ranking, weights: {Describe(report.Weights)}"));
        WriteEntries(context.Out, report.Entries);
        return CliDispatcher.Done;
    }

    internal static string Describe(RankingWeights w) => string.Create(CultureInfo.InvariantCulture,
        $"on time {w.OnTime}, satisfaction {w.Satisfaction}, overdue -{w.OverduePenalty}, statutory breach -{w.StatutoryBreachPenalty}, confirmed finding -{w.FindingPenalty}");

    // Each entry, then its score's lines: figure, weight and the points they gave.
    internal static void WriteEntries(TextWriter output, IEnumerable<RankingEntry> entries)
    {
        foreach (var entry in entries)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{entry.Position,3}  {entry.Window}  {entry.Score:0.##}"));
            foreach (var line in entry.Lines)
            {
                var figure = line.Denominator is { } of ? $"{line.Numerator}/{of}" : $"{line.Numerator}";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"       {line.Term,-18} {figure,-9} x {line.Weight,-5} = {line.Points:0.##}"));
            }
        }
    }
}
