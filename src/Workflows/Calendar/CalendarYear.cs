using System.Collections.Generic;
using System.Linq;
using System;

namespace ServiceWindow.Workflows.Calendar;

/// <summary>One published year: its holidays and make-up workdays and the notice they come from.</summary>
public sealed record CalendarYear
{
    private readonly Holiday[] holidays;
    private readonly MakeUpWorkday[] makeUpWorkdays;

    /// <summary>Creates a year; see <see cref="Problems"/> for the checks a calendar applies to it.</summary>
    public CalendarYear(int year, IReadOnlyList<Holiday> holidays, IReadOnlyList<MakeUpWorkday> makeUpWorkdays, string? source = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1900);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeUpWorkdays);
        Year = year;
        this.holidays = [.. holidays.OrderBy(h => h.From)];
        this.makeUpWorkdays = [.. makeUpWorkdays.OrderBy(m => m.Date)];
        Source = string.IsNullOrWhiteSpace(source) ? null : source;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>Holiday blocks, ordered by first day.</summary>
    public IReadOnlyList<Holiday> Holidays => holidays;

    /// <summary>Make-up workdays, ordered by date.</summary>
    public IReadOnlyList<MakeUpWorkday> MakeUpWorkdays => makeUpWorkdays;

    /// <summary>The notice (number or address) the dates come from.</summary>
    public string? Source { get; }

    /// <summary>Every holiday date of the year.</summary>
    public IEnumerable<DateOnly> HolidayDates() => holidays.SelectMany(h => h.Dates());

    /// <summary>
    /// What is wrong with the year for a calendar with the given weekly days off: an empty year, dates outside
    /// the year, a date listed twice, a date both holiday and make-up workday, a make-up day that is already
    /// a working day. Each problem names its entry. Empty when the year is usable.
    /// </summary>
    public IReadOnlyList<CalendarProblem> Problems(IReadOnlySet<DayOfWeek> weeklyDaysOff)
    {
        ArgumentNullException.ThrowIfNull(weeklyDaysOff);
        var problems = new List<CalendarProblem>();
        if (holidays.Length == 0)
        {
            problems.Add(new($"{Year}", "the year lists no holidays (an unpublished year must be left out)"));
        }
        var holidayEntry = new Dictionary<DateOnly, Holiday>();
        foreach (var holiday in holidays)
        {
            foreach (var date in holiday.Dates())
            {
                if (date.Year != Year)
                {
                    problems.Add(new($"{Year} holiday {holiday}", $"{date:yyyy-MM-dd} is not in {Year}"));
                }
                else if (!holidayEntry.TryAdd(date, holiday))
                {
                    problems.Add(new($"{Year} holiday {holiday}", $"{date:yyyy-MM-dd} is already a day off in {holidayEntry[date]}"));
                }
            }
        }
        var seen = new HashSet<DateOnly>();
        foreach (var makeUp in makeUpWorkdays)
        {
            var entry = $"{Year} make-up workday {makeUp}";
            if (makeUp.Date.Year != Year)
            {
                problems.Add(new(entry, $"{makeUp.Date:yyyy-MM-dd} is not in {Year}"));
            }
            if (!seen.Add(makeUp.Date))
            {
                problems.Add(new(entry, $"{makeUp.Date:yyyy-MM-dd} is listed twice"));
            }
            if (holidayEntry.TryGetValue(makeUp.Date, out var holiday))
            {
                problems.Add(new(entry, $"{makeUp.Date:yyyy-MM-dd} is also a holiday in {holiday}"));
            }
            if (!weeklyDaysOff.Contains(makeUp.Date.DayOfWeek))
            {
                problems.Add(new(entry, $"{makeUp.Date:yyyy-MM-dd} is a {makeUp.Date.DayOfWeek}, already a working day"));
            }
        }
        return problems;
    }

    /// <inheritdoc />
    public bool Equals(CalendarYear? other) =>
        other is not null
        && Year == other.Year
        && Source == other.Source
        && holidays.AsSpan().SequenceEqual(other.holidays)
        && makeUpWorkdays.AsSpan().SequenceEqual(other.makeUpWorkdays);

    /// <summary>True when both years have the same days off and make-up workdays, whatever the names and source.</summary>
    public bool SameDates(CalendarYear other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Year == other.Year
            && HolidayDates().Order().SequenceEqual(other.HolidayDates().Order())
            && makeUpWorkdays.Select(m => m.Date).SequenceEqual(other.makeUpWorkdays.Select(m => m.Date));
    }

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Year, holidays.Length, makeUpWorkdays.Length);
}
