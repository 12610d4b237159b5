using System.CommandLine;
using ServiceWindow.Host.Calendars;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Host.Cli;

/// `servicewindow calendars import --calendar <id> <file> [--replace]`: adds a published year (holiday-cn JSON
/// or iCalendar) to a calendar file, refusing empty or self-contradicting years and, unless `--replace`,
/// changes to a year already in force. Prints what changed; exit 1 when refused.
public sealed class CalendarsImportCommand : ICliCommand
{
    public IReadOnlyList<string> Group => ["calendars"];

    public Command Create(CliContext context)
    {
        var calendar = new Option<string>("--calendar")
        {
            Description = "The calendar id to add the years to (e.g. cn-mainland).",
            HelpName = "id",
            Required = true,
        };
        var replace = new Option<bool>("--replace") { Description = "Replace a year already in force when the file disagrees with it." };
        var file = new Argument<string>("file") { Description = "A holiday-cn JSON file or an iCalendar (.ics) file." };
        var command = new Command("import", "Adds the years a published holiday file brings to a calendar file.") { calendar, replace, file };
        command.SetAction((parsed, cancellationToken) => RunAsync(context, parsed.GetRequiredValue(calendar), parsed.GetRequiredValue(file),
            parsed.GetValue(replace), cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(CliContext context, string id, string file, bool replace, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            throw new CliUsageException($"no such file: {file}");
        }
        var calendar = await DeadlineCommand.LoadCalendarAsync(context, id, cancellationToken);
        if (calendar is null)
        {
            return CliDispatcher.ProblemsFound;
        }
        var text = await File.ReadAllTextAsync(file, cancellationToken);
        try
        {
            IReadOnlyList<CalendarYear> years;
            if (IsIcs(file, text))
            {
                // Times in the feed are read in the office's zone; events skipped are named, not fatal.
                var feed = IcsImporter.Read(Path.GetFileName(file), text, calendar.TimeZone);
                foreach (var note in feed.Notes)
                {
                    context.Out.WriteLine($"{id}: skipped: {note}");
                }
                years = feed.Years;
            }
            else
            {
                years = [HolidayCnImporter.Parse(Path.GetFileName(file), text)];
            }
            var (updated, changes) = CalendarImport.Apply(calendar, years, replace);
            foreach (var change in changes)
            {
                context.Out.WriteLine($"{id}: {change}");
            }
            if (changes.All(c => c.Kind == CalendarYearChangeKind.Unchanged))
            {
                context.Out.WriteLine($"{id}: nothing to write");
                return CliDispatcher.Done;
            }
            await CalendarFiles.SaveAsync(context.Configuration, updated, cancellationToken);
            context.Out.WriteLine($"{id}: wrote {CalendarFiles.PathOf(context.Configuration, id)} (covers {updated.FirstCoveredYear}-{updated.LastCoveredYear}); provisional deadlines are recomputed when the service next loads the calendar");
            return CliDispatcher.Done;
        }
        catch (Exception e) when (e is CalendarFormatException or CalendarImportRefusedException)
        {
            context.Error.WriteLine($"servicewindow: import refused: {e.Message}");
            return CliDispatcher.ProblemsFound;
        }
    }

    private static bool IsIcs(string file, string text) =>
        file.EndsWith(".ics", StringComparison.OrdinalIgnoreCase)
        || text.TrimStart('\uFEFF', ' ', '\r', '\n').StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase);
}
