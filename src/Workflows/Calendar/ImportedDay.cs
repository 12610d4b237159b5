using System.Collections.Generic;
using System.Linq;
using System;

namespace ServiceWindow.Workflows.Calendar;

/// <summary>One day read from an import file, before the days are grouped into a <see cref="CalendarYear"/>.</summary>
internal sealed record ImportedDay(string Entry, string Name, DateOnly Date, bool IsOffDay)
{
    /// <summary>Groups days into holiday blocks and make-up workdays, refusing an empty or self-contradicting year.</summary>
    public static CalendarYear ToYear(string fileName, int year, IReadOnlyList<ImportedDay> days, string? source)
    {
        if (days.Count == 0)
        {
            throw new CalendarFormatException(fileName, $"{year}", "the year lists no days: it is not published yet, so there is nothing to import");
        }
        var byDate = new Dictionary<DateOnly, ImportedDay>();
        foreach (var day in days)
        {
            if (day.Date.Year != year)
            {
                throw new CalendarFormatException(fileName, day.Entry, $"{day.Date:yyyy-MM-dd} is not in {year}");
            }
            if (byDate.TryGetValue(day.Date, out var earlier))
            {
                if (earlier.IsOffDay != day.IsOffDay)
                {
                    throw new CalendarFormatException(fileName, day.Entry,
                        $"{day.Date:yyyy-MM-dd} is both a day off and a make-up workday (see {earlier.Entry})");
                }
                continue;
            }
            byDate.Add(day.Date, day);
        }
        var holidays = new List<Holiday>();
        var makeUps = new List<MakeUpWorkday>();
        ImportedDay? blockStart = null;
        ImportedDay? blockEnd = null;
        foreach (var day in byDate.Values.OrderBy(d => d.Date))
        {
            if (!day.IsOffDay)
            {
                makeUps.Add(new MakeUpWorkday(day.Name, day.Date));
                continue;
            }
            if (blockStart is not null && blockEnd is not null && blockEnd.Name == day.Name && blockEnd.Date.AddDays(1) == day.Date)
            {
                blockEnd = day;
                continue;
            }
            if (blockStart is not null && blockEnd is not null)
            {
                holidays.Add(new Holiday(blockStart.Name, blockStart.Date, blockEnd.Date));
            }
            blockStart = blockEnd = day;
        }
        if (blockStart is not null && blockEnd is not null)
        {
            holidays.Add(new Holiday(blockStart.Name, blockStart.Date, blockEnd.Date));
        }
        if (holidays.Count == 0)
        {
            throw new CalendarFormatException(fileName, $"{year}", "the year lists make-up workdays but no holidays");
        }
        return new CalendarYear(year, holidays, makeUps, source);
    }
}
