using System.Collections.Generic;
using System.Linq;
using System;

namespace ServiceWindow.Workflows.Calendar;

/// <summary>
/// Applies imported years to a calendar the way an administrator updates it each November: a new year must
/// follow (or precede) the covered ones, and a year already in force changes only when replacing is asked for.
/// </summary>
public static class CalendarImport
{
    /// <summary>
    /// The calendar with <paramref name="years"/> applied and what changed per year. Throws
    /// <see cref="CalendarImportRefusedException"/> for a change to a year in force without
    /// <paramref name="replace"/>, a gap between years, or a year with problems for this calendar.
    /// </summary>
    public static (WorkingCalendar Calendar, IReadOnlyList<CalendarYearChange> Changes) Apply(
        WorkingCalendar calendar, IReadOnlyList<CalendarYear> years, bool replace)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(years);
        if (years.Count == 0)
        {
            throw new CalendarImportRefusedException("nothing to import: no year given");
        }
        var daysOff = calendar.WeeklyDaysOff.ToHashSet();
        var changes = new List<CalendarYearChange>();
        var result = calendar;
        foreach (var year in years.OrderBy(y => y.Year))
        {
            if (year.Problems(daysOff) is { Count: > 0 } problems)
            {
                throw new CalendarImportRefusedException($"year {year.Year} contradicts itself: {string.Join("; ", problems)}");
            }
            var existing = result.Year(year.Year);
            if (existing is null)
            {
                if (year.Year != result.LastCoveredYear + 1 && year.Year != result.FirstCoveredYear - 1)
                {
                    throw new CalendarImportRefusedException(
                        $"year {year.Year} does not follow the covered years {result.FirstCoveredYear}-{result.LastCoveredYear}; import the years between first");
                }
                changes.Add(new CalendarYearChange(year.Year, CalendarYearChangeKind.Added, Summary(year)));
            }
            else if (existing.SameDates(year))
            {
                changes.Add(new CalendarYearChange(year.Year, CalendarYearChangeKind.Unchanged, []));
                continue;
            }
            else
            {
                var details = Differences(existing, year);
                if (!replace)
                {
                    throw new CalendarImportRefusedException(
                        $"year {year.Year} is already in force and the import changes it ({string.Join("; ", details)}); give --replace to change it");
                }
                changes.Add(new CalendarYearChange(year.Year, CalendarYearChangeKind.Replaced, details));
            }
            result = result.WithYear(year);
        }
        return (result, changes);
    }

    private static List<string> Summary(CalendarYear year) =>
    [
        $"{year.HolidayDates().Count()} days off in {year.Holidays.Count} blocks",
        $"{year.MakeUpWorkdays.Count} make-up workdays",
    ];

    private static List<string> Differences(CalendarYear before, CalendarYear after)
    {
        var details = new List<string>();
        var offBefore = before.HolidayDates().ToHashSet();
        var offAfter = after.HolidayDates().ToHashSet();
        var onBefore = before.MakeUpWorkdays.Select(m => m.Date).ToHashSet();
        var onAfter = after.MakeUpWorkdays.Select(m => m.Date).ToHashSet();
        Add("days off added", offAfter.Except(offBefore));
        Add("days off removed", offBefore.Except(offAfter));
        Add("make-up workdays added", onAfter.Except(onBefore));
        Add("make-up workdays removed", onBefore.Except(onAfter));
        return details;

        void Add(string label, IEnumerable<DateOnly> dates)
        {
            var list = dates.Order().Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();
            if (list.Count > 0)
            {
                details.Add($"{label}: {string.Join(", ", list)}");
            }
        }
    }
}
