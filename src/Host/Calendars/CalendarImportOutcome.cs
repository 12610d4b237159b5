using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Host.Calendars;

/// A checked import: the calendar with the file's years applied, what changed per year, and the
/// feed's events that were skipped.
public sealed record CalendarImportOutcome(WorkingCalendar Calendar, IReadOnlyList<CalendarYearChange> Changes, IReadOnlyList<string> Skipped)
{
    public bool ChangesAnything => Changes.Any(c => c.Kind != CalendarYearChangeKind.Unchanged);
}
