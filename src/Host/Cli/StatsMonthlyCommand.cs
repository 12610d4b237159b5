using System.CommandLine;
using System.Globalization;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Persistence.Catalogue;
using ServiceWindow.Persistence.Database;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Host.Cli;

/// `servicewindow stats monthly --month YYYY-MM [--by department|window|staff|item] [--format table|csv|json|xlsx] [--out FILE]`:
/// a closed month's frozen figures with their adjustments, or the month under way from the case facts.
public sealed class StatsMonthlyCommand : ICliCommand
{
    public IReadOnlyList<string> Group => ["stats"];

    public Command Create(CliContext context)
    {
        var month = new Option<string>("--month") { Description = "The month, e.g. 2026-10.", HelpName = "YYYY-MM", Required = true };
        var by = new Option<string>("--by") { Description = "Rows by department, window, staff or item.", HelpName = "department|window|staff|item", DefaultValueFactory = _ => "window" };
        by.AcceptOnlyFromAmong("department", "window", "staff", "item");
        var format = new Option<string>("--format") { Description = "table, csv, json or xlsx.", HelpName = "table|csv|json|xlsx", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "json", "xlsx");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of the terminal (required for xlsx).", HelpName = "FILE" };
        var command = new Command("monthly", "Prints a month's efficiency statistics: frozen with adjustments once closed, live before.")
        {
            month, by, format, output,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(context, parsed.GetRequiredValue(month), parsed.GetValue(by)!,
            parsed.GetValue(format)!, parsed.GetValue(output), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string monthText, string byText, string formatText, string? outPath,
        CancellationToken cancellationToken)
    {
        var month = ParseMonth(monthText);
        var by = Enum.Parse<StatisticsDimension>(byText, ignoreCase: true);
        var format = Enum.Parse<StatisticsFormat>(formatText, ignoreCase: true);
        if (format == StatisticsFormat.Xlsx && outPath is null)
        {
            throw new CliUsageException("--format xlsx writes a workbook: name the file with --out");
        }
        await using var dataSource = Database.CreateDataSource(HostConfiguration.ConnectionString(context.Configuration));
        await Database.EnsureReachableAsync(dataSource, cancellationToken);
        var catalog = new FileWorkflowCatalog(context.Configuration);
        catalog.IncludePublished(await new DefinitionVersions(dataSource).AllAsync(cancellationToken));
        // The live figures are as fresh as the facts: bring them up to the history first.
        await new StatisticsProjector(dataSource, catalog, TimeProvider.System).RunAsync(cancellationToken);
        var report = await new MonthlyStatistics(dataSource, catalog, TimeProvider.System).GetAsync(month, by, cancellationToken);

        using var buffer = new MemoryStream();
        await MonthlyReportWriter.WriteAsync(report, format, buffer, cancellationToken: cancellationToken);
        if (outPath is not null)
        {
            await File.WriteAllBytesAsync(outPath, buffer.ToArray(), cancellationToken);
            context.Out.WriteLine($"{month:yyyy-MM}: {report.Rows.Count} rows by {byText} written to {outPath}");
        }
        else
        {
            await context.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            await context.Out.FlushAsync(cancellationToken);
        }
        return CliDispatcher.Done;
    }

    internal static DateOnly ParseMonth(string text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month
            : throw new CliUsageException($"--month '{text}' is not a month such as 2026-10");
}
