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
    public IReadOnlyList<string> Verb { get; } = ["deadline"];

    public string Usage => "deadline --calendar <id> --from <yyyy-MM-ddTHH:mm:ss+08:00> --limit <5wd|30d|2wh>";

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var options = new CliArguments(arguments, new HashSet<string>());
        var id = options.Required("calendar");
        var fromText = options.Required("from");
        var limitText = options.Required("limit");
        options.RefuseUnknown();
        if (options.Positional.Count > 0)
        {
            throw new CliUsageException($"unexpected argument '{options.Positional[0]}'");
        }
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
            return 1;
        }
        var deadline = DeadlineCalculator.Due(calendar, from, limit);
        context.Out.WriteLine(Format(deadline));
        return 0;
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

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetSuffix();
}
