using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Host.Calendars;

/// The rule behind the staff pages' warning: official holidays are published each November for the
/// next year, so from 1 November (office time) a calendar that does not cover next year is missing it.
public static class NextYearCalendar
{
    public static bool IsMissing(WorkingCalendar calendar, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var today = calendar.LocalDate(now);
        return today.Month >= 11 && calendar.LastCoveredYear <= today.Year;
    }

    /// The year the warning is about.
    public static int NextYear(WorkingCalendar calendar, DateTimeOffset now) => calendar.LocalDate(now).Year + 1;
}
