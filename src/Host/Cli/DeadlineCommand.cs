using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using ServiceWindow.Host.Calendars;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Host.Cli;

/// `servicewindow deadline --calendar <id> --from <instant> --limit <5wd|30d|2wh>`: prints the deadline as one
/// JSON line. Needs only the calendar file, never the database.
public sealed partial class DeadlineCommand : ICliCommand
{
    public IReadOnlyList<string> Group => [];

    public Command Create(CliContext context)
    {
        var calendar = new Option<string>("--calendar")
        {
            Description = "The calendar id, a file in workflows/calendars (e.g. cn-mainland).",
            HelpName = "id",
            Required = true,
        };
        var from = new Option<string>("--from")
        {
            Description = "The start: an ISO 8601 instant with its offset.",
            HelpName = "yyyy-MM-ddTHH:mm:ss+08:00",
            Required = true,
        };
        var limit = new Option<string>("--limit")
        {
            Description = "The time limit: working days (5wd), calendar days (30d) or working hours (2wh).",
            HelpName = "5wd|30d|2wh",
            Required = true,
        };
        var command = new Command("deadline", "Prints the deadline of a time limit from a start, as one JSON line; needs no database.")
        {
            calendar, from, limit,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(context, parsed.GetRequiredValue(calendar),
            parsed.GetRequiredValue(from), parsed.GetRequiredValue(limit), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string id, string fromText, string limitText, CancellationToken cancellationToken)
    {
        // Without an explicit offset the instant would silently depend on the machine's zone.
        if (!OffsetSuffix().IsMatch(fromText)
            || !DateTimeOffset.TryParse(fromText, CultureInfo.InvariantCulture, DateTimeStyles.None, out var from))
        {
            throw new CliUsageException($"--from '{fromText}' is not an ISO 8601 instant with an offset, e.g. 2025-09-26T10:00:00+08:00");
        }
        if (!TimeLimit.TryParse(limitText, out var limit))
        {
            throw new CliUsageException($"--limit '{limitText}' is not a time limit such as 5wd, 30d or 2wh");
        }
        var calendar = await LoadCalendarAsync(context, id, cancellationToken);
        if (calendar is null)
        {
            return CliDispatcher.ProblemsFound;
        }
        Deadline deadline;
        try
        {
            deadline = DeadlineCalculator.Due(calendar, from, limit);
        }
        // The calendar counts within the years it can represent; a start or a limit past them is the caller's to fix.
        catch (ArgumentOutOfRangeException e)
        {
            throw new CliUsageException($"--from {fromText} --limit {limitText}: no deadline can be computed: {Reason(e)}");
        }
        context.Out.WriteLine(Format(deadline));
        return CliDispatcher.Done;
    }

    public static string Format(Deadline deadline) =>
        $"{{\"due\":\"{deadline.Due.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)}\",\"provisional\":{(deadline.Provisional ? "true" : "false")}}}";

    /// The calendar, or null after printing why a broken file cannot be used; an unknown id is a usage error.
    internal static async Task<WorkingCalendar?> LoadCalendarAsync(CliContext context, string id, CancellationToken cancellationToken)
    {
        string path;
        try
        {
            path = CalendarFiles.PathOf(context.Configuration, id);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException($"--calendar: {e.Message}");
        }
        if (!File.Exists(path))
        {
            throw new CliUsageException($"--calendar: no calendar '{id}' (looked for {path})");
        }
        try
        {
            return await CalendarFiles.LoadAsync(context.Configuration, id, cancellationToken);
        }
        catch (CalendarFormatException e)
        {
            context.Error.WriteLine($"servicewindow: calendar file is invalid: {e.Message}");
            return null;
        }
    }

    // The exception's own sentence, without the parameter name and value the runtime appends.
    private static string Reason(ArgumentOutOfRangeException e) =>
        ParameterSuffix().Replace(e.Message.Split('\n')[0], "").Trim();

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetSuffix();

    [GeneratedRegex(@"\s*\(Parameter '[^']*'\)\s*$")]
    private static partial Regex ParameterSuffix();
}
