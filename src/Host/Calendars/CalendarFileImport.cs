using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Host.Calendars;

/// Reads a published holiday file (holiday-cn JSON or iCalendar) and applies its years to a
/// calendar with the import's checks: the one reading shared by `calendars import` and the upload.
public static class CalendarFileImport
{
    /// Throws <see cref="CalendarFormatException"/> for a file that cannot be read and
    /// <see cref="CalendarImportRefusedException"/> for years the calendar must not take; with
    /// <paramref name="onlyYear"/>, takes that year alone and refuses a file that does not bring it.
    public static CalendarImportOutcome Apply(WorkingCalendar calendar, string fileName, string text, bool replace, int? onlyYear = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(text);
        IReadOnlyList<CalendarYear> years;
        IReadOnlyList<string> skipped = [];
        if (IsIcs(fileName, text))
        {
            // Times in the feed are read in the office's zone; events skipped are named, not fatal.
            var feed = IcsImporter.Read(fileName, text, calendar.TimeZone);
            skipped = feed.Notes;
            years = feed.Years;
        }
        else
        {
            years = [HolidayCnImporter.Parse(fileName, text)];
        }
        if (onlyYear is { } year)
        {
            years = years.Where(y => y.Year == year).ToList();
            if (years.Count == 0)
            {
                throw new CalendarImportRefusedException($"{fileName} brings no year {year}");
            }
        }
        var (updated, changes) = CalendarImport.Apply(calendar, years, replace);
        return new CalendarImportOutcome(updated, changes, skipped);
    }

    private static bool IsIcs(string fileName, string text) =>
        fileName.EndsWith(".ics", StringComparison.OrdinalIgnoreCase)
        || text.TrimStart('\uFEFF', ' ', '\r', '\n').StartsWith("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase);
}
