using ServiceWindow.Host.Calendars;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Host.Cli;

/// `servicewindow calendars import --calendar <id> <file> [--replace]`: adds a published year (holiday-cn JSON
/// or iCalendar) to a calendar file, refusing empty or self-contradicting years and, unless `--replace`,
/// changes to a year already in force. Prints what changed; exit 1 when refused.
public sealed class CalendarsImportCommand : ICliCommand
{
    public IReadOnlyList<string> Verb { get; } = ["calendars", "import"];

    public string Usage => "calendars import --calendar <id> <holiday-cn.json|file.ics> [--replace]";

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var options = new CliArguments(arguments, new HashSet<string> { "replace" });
        var id = options.Required("calendar");
        var replace = options.Flag("replace");
        options.RefuseUnknown();
        if (options.Positional.Count != 1)
        {
            throw new CliUsageException(options.Positional.Count == 0 ? "missing the file to import" : $"unexpected argument '{options.Positional[1]}'");
        }
        var file = options.Positional[0];
        if (!File.Exists(file))
        {
            throw new CliUsageException($"no such file: {file}");
        }
        var calendar = await DeadlineCommand.LoadCalendarAsync(context, id, cancellationToken);
        if (calendar is null)
        {
            return 1;
        }
        var text = await File.ReadAllTextAsync(file, cancellationToken);
        try
        {
            var years = IsIcs(file, text)
                ? IcsImporter.Parse(Path.GetFileName(file), text)
                : [HolidayCnImporter.Parse(Path.GetFileName(file), text)];
            var (updated, changes) = CalendarImport.Apply(calendar, years, replace);
            foreach (var change in changes)
            {
                context.Out.WriteLine($"{id}: {change}");
            }
            if (changes.All(c => c.Kind == CalendarYearChangeKind.Unchanged))
            {
                context.Out.WriteLine($"{id}: nothing to write");
                return 0;
            }
            await CalendarFiles.SaveAsync(context.Configuration, updated, cancellationToken);
            context.Out.WriteLine($"{id}: wrote {CalendarFiles.PathOf(context.Configuration, id)} (covers {updated.FirstCoveredYear}-{updated.LastCoveredYear}); provisional deadlines are recomputed when the service next loads the calendar");
            return 0;
        }
        catch (Exception e) when (e is CalendarFormatException or CalendarImportRefusedException)
        {
            context.Error.WriteLine($"servicewindow: import refused: {e.Message}");
            return 1;
        }
    }

    private static bool IsIcs(string file, string text) =>
        file.EndsWith(".ics", StringComparison.OrdinalIgnoreCase)
        || text.TrimStart('\uFEFF', ' ', '\r', '\n').StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase);
}
