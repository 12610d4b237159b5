using System.CommandLine;
using ServiceWindow.Host.Catalogue;
using ServiceWindow.Host.Configuration;
using ServiceWindow.Persistence.Accountability;
using ServiceWindow.Persistence.Database;

namespace ServiceWindow.Host.Cli;

/// `servicewindow register export --kind findings|sanctions --year YYYY [--format csv|xlsx] [--out FILE]`:
/// a calendar year of the accountability register by person and window, names masked.
public sealed class RegisterExportCommand : ICliCommand
{
    public IReadOnlyList<string> Group => ["register"];

    public Command Create(CliContext context)
    {
        var kind = new Option<string>("--kind") { Description = "findings or sanctions.", HelpName = "findings|sanctions", Required = true };
        kind.AcceptOnlyFromAmong("findings", "sanctions");
        var year = new Option<int>("--year") { Description = "The calendar year, in the office's time zone.", HelpName = "YYYY", Required = true };
        var format = new Option<string>("--format") { Description = "csv or xlsx.", HelpName = "csv|xlsx", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "xlsx");
        var output = new Option<string?>("--out") { Description = "Write to this file instead of the terminal (required for xlsx).", HelpName = "FILE" };
        var command = new Command("export", "Exports a year's findings or sanctions by person and window, names masked.") { kind, year, format, output };
        command.SetAction((parsed, cancellationToken) => RunAsync(context, parsed.GetRequiredValue(kind), parsed.GetRequiredValue(year),
            parsed.GetValue(format)!, parsed.GetValue(output), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string kindText, int year, string formatText, string? outPath,
        CancellationToken cancellationToken)
    {
        var kind = Enum.Parse<RegisterKind>(kindText, ignoreCase: true);
        var format = Enum.Parse<RegisterFormat>(formatText, ignoreCase: true);
        if (format == RegisterFormat.Xlsx && outPath is null)
        {
            throw new CliUsageException("--format xlsx writes a workbook: name the file with --out");
        }
        if (year is < 2000 or > 9998)
        {
            throw new CliUsageException($"--year {year} is not a year between 2000 and 9998");
        }
        await using var dataSource = Database.CreateDataSource(HostConfiguration.ConnectionString(context.Configuration));
        await Database.EnsureReachableAsync(dataSource, cancellationToken);
        var zone = new FileWorkflowCatalog(context.Configuration).Calendar.TimeZone;
        var table = await new RegisterExport(dataSource, zone).ReadAsync(kind, year, cancellationToken: cancellationToken);

        using var buffer = new MemoryStream();
        await RegisterExport.WriteAsync(table, format, buffer, cancellationToken: cancellationToken);
        if (outPath is not null)
        {
            await File.WriteAllBytesAsync(outPath, buffer.ToArray(), cancellationToken);
            context.Out.WriteLine($"{kindText} {year}: {table.Rows.Count} rows written to {outPath}");
        }
        else
        {
            await context.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            await context.Out.FlushAsync(cancellationToken);
        }
        return CliDispatcher.Done;
    }
}
