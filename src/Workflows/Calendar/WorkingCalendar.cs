using System.Collections.Generic;
using System.Linq;
using System;

namespace ServiceWindow.Workflows.Calendar;

/// <summary>
/// An immutable working-day calendar: weekly days off, published years of holidays and make-up workdays,
/// office hours and a time zone. Dates outside the covered years follow the weekly days off only; deadlines
/// that reach them are provisional.
/// </summary>
/// <remarks>
/// Every day carries a running count of working days since 0001-01-01, computed once per calendar, so
/// working-day arithmetic is a couple of array reads and never allocates.
/// </remarks>
public sealed class WorkingCalendar
{
    private readonly DayOfWeek[] weeklyDaysOff;
    private readonly CalendarYear[] years;

    // Day numbers (DateOnly.DayNumber) of the first and last covered day.
    private readonly int firstDay;
    private readonly int lastDay;

    // cumulative[i]: working days in [firstDay, firstDay + i]; workingIndex[k]: offset of the (k+1)th of them.
    private readonly int[] cumulative;
    private readonly int[] workingIndex;

    // The weekly pattern, indexed by DayNumber % 7 (day number 0 is a Monday).
    private readonly int[] weekPrefix = new int[7];
    private readonly int[] weekPositions;
    private readonly int workingPerWeek;

    // Working days up to the day before the covered years, and the covered years' net change against weekends only.
    private readonly int countBefore;
    private readonly int deltaAfter;

    // Past the zone's last offset change the offset is fixed; converting then needs no rule lookup.
    private readonly long fixedOffsetFromUtcTicks;
    private readonly long fixedOffsetFromLocalTicks;

    /// <summary>Creates a calendar; the years must be consecutive and each must be free of <see cref="CalendarYear.Problems"/>.</summary>
    public WorkingCalendar(
        string id,
        TimeZoneInfo timeZone,
        IEnumerable<DayOfWeek> weeklyDaysOff,
        OfficeHours officeHours,
        IEnumerable<CalendarYear> years,
        string? description = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(timeZone);
        ArgumentNullException.ThrowIfNull(weeklyDaysOff);
        ArgumentNullException.ThrowIfNull(officeHours);
        ArgumentNullException.ThrowIfNull(years);
        Id = id;
        Description = string.IsNullOrWhiteSpace(description) ? null : description;
        TimeZone = timeZone;
        OfficeHours = officeHours;
        // Monday first, as calendars are printed in China.
        this.weeklyDaysOff = [.. weeklyDaysOff.Distinct().OrderBy(d => ((int)d + 6) % 7)];
        if (this.weeklyDaysOff.Length >= 7)
        {
            throw new ArgumentException("a calendar needs at least one working weekday", nameof(weeklyDaysOff));
        }
        this.years = [.. years.OrderBy(y => y.Year)];
        if (this.years.Length == 0)
        {
            throw new ArgumentException("a calendar needs at least one covered year", nameof(years));
        }
        var daysOff = new HashSet<DayOfWeek>(this.weeklyDaysOff);
        for (var i = 0; i < this.years.Length; i++)
        {
            if (i > 0 && this.years[i].Year != this.years[i - 1].Year + 1)
            {
                throw new ArgumentException(
                    this.years[i].Year == this.years[i - 1].Year
                        ? $"year {this.years[i].Year} is given twice"
                        : $"years must be consecutive: {this.years[i - 1].Year} is followed by {this.years[i].Year}",
                    nameof(years));
            }
            if (this.years[i].Problems(daysOff) is { Count: > 0 } problems)
            {
                throw new ArgumentException(problems[0].ToString(), nameof(years));
            }
        }

        var positions = new List<int>();
        for (var position = 0; position < 7; position++)
        {
            // DayNumber 0 (0001-01-01) is a Monday.
            var weekday = !daysOff.Contains((DayOfWeek)((position + 1) % 7));
            weekPrefix[position] = (position == 0 ? 0 : weekPrefix[position - 1]) + (weekday ? 1 : 0);
            if (weekday)
            {
                positions.Add(position);
            }
        }
        weekPositions = [.. positions];
        workingPerWeek = weekPositions.Length;

        firstDay = new DateOnly(FirstCoveredYear, 1, 1).DayNumber;
        lastDay = new DateOnly(LastCoveredYear, 12, 31).DayNumber;
        var working = new bool[lastDay - firstDay + 1];
        for (var i = 0; i < working.Length; i++)
        {
            working[i] = WeeklyWorking(firstDay + i);
        }
        foreach (var year in this.years)
        {
            foreach (var date in year.HolidayDates())
            {
                working[date.DayNumber - firstDay] = false;
            }
            foreach (var makeUp in year.MakeUpWorkdays)
            {
                working[makeUp.Date.DayNumber - firstDay] = true;
            }
        }
        cumulative = new int[working.Length];
        var indices = new List<int>(working.Length);
        for (var i = 0; i < working.Length; i++)
        {
            cumulative[i] = (i == 0 ? 0 : cumulative[i - 1]) + (working[i] ? 1 : 0);
            if (working[i])
            {
                indices.Add(i);
            }
        }
        workingIndex = [.. indices];
        countBefore = WeeklyCount(firstDay - 1);
        deltaAfter = countBefore + cumulative[^1] - WeeklyCount(lastDay);

        var lastRuleEnd = timeZone.GetAdjustmentRules().Select(r => r.DateEnd).DefaultIfEmpty(DateTime.MinValue).Max();
        fixedOffsetFromLocalTicks = lastRuleEnd.Year >= 9999 ? long.MaxValue : lastRuleEnd.AddDays(2).Ticks;
        fixedOffsetFromUtcTicks = lastRuleEnd.Year >= 9999 ? long.MaxValue : lastRuleEnd.AddDays(3).Ticks;
    }

    /// <summary>The calendar's name, e.g. <c>cn-mainland</c>; also its file name.</summary>
    public string Id { get; }

    /// <summary>What the calendar is for, as written in its file.</summary>
    public string? Description { get; }

    /// <summary>The zone in which dates and office hours are read.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>Office hours on every working day.</summary>
    public OfficeHours OfficeHours { get; }

    /// <summary>Days off every week (Saturday and Sunday in mainland China).</summary>
    public IReadOnlyList<DayOfWeek> WeeklyDaysOff => weeklyDaysOff;

    /// <summary>The published years, consecutive and ordered.</summary>
    public IReadOnlyList<CalendarYear> Years => years;

    /// <summary>First year whose holidays are known.</summary>
    public int FirstCoveredYear => years[0].Year;

    /// <summary>Last year whose holidays are known; later dates are provisional.</summary>
    public int LastCoveredYear => years[^1].Year;

    /// <summary>The published year, or null when the calendar does not cover it.</summary>
    public CalendarYear? Year(int year) =>
        year < FirstCoveredYear || year > LastCoveredYear ? null : years[year - FirstCoveredYear];

    /// <summary>True when the holidays of <paramref name="date"/>'s year are known.</summary>
    public bool Covers(DateOnly date) => date.DayNumber >= firstDay && date.DayNumber <= lastDay;

    /// <summary>True on a working day: not a weekly day off unless a make-up workday, and not a holiday.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        var day = date.DayNumber;
        if (day < firstDay || day > lastDay)
        {
            return WeeklyWorking(day);
        }
        var i = day - firstDay;
        return cumulative[i] != (i == 0 ? 0 : cumulative[i - 1]);
    }

    /// <summary>
    /// The working day <paramref name="days"/> working days after <paramref name="from"/>, which is not counted
    /// (so from a Saturday, one working day is the Monday). Zero returns <paramref name="from"/>; a negative
    /// count goes back (one working day before a Saturday is the Friday).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        if (days == 0)
        {
            return from;
        }
        var target = days > 0
            ? (long)CountThrough(from.DayNumber) + days
            : (long)CountThrough(from.DayNumber - 1) + days + 1;
        if (target < 1 || target > CountThrough(DateOnly.MaxValue.DayNumber))
        {
            throw new ArgumentOutOfRangeException(nameof(days), days, $"{days} working days from {from:yyyy-MM-dd} leave the supported dates");
        }
        return DateOnly.FromDayNumber(Nth((int)target));
    }

    /// <summary>Working days after <paramref name="fromExclusive"/> up to and including <paramref name="toInclusive"/>; negative when the order is reversed.</summary>
    public int WorkingDaysBetween(DateOnly fromExclusive, DateOnly toInclusive) =>
        CountThrough(toInclusive.DayNumber) - CountThrough(fromExclusive.DayNumber);

    /// <summary>The local date of an instant in the calendar's time zone.</summary>
    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(LocalDateTime(instant));

    /// <summary>The local date and time of an instant in the calendar's time zone.</summary>
    public DateTime LocalDateTime(DateTimeOffset instant)
    {
        var utcTicks = instant.UtcTicks;
        if (utcTicks >= fixedOffsetFromUtcTicks)
        {
            return new DateTime(utcTicks + TimeZone.BaseUtcOffset.Ticks, DateTimeKind.Unspecified);
        }
        return TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;
    }

    /// <summary>The instant of a local date and time of day in the calendar's time zone.</summary>
    public DateTimeOffset Instant(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        var offset = local.Ticks >= fixedOffsetFromLocalTicks ? TimeZone.BaseUtcOffset : TimeZone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>When the office opens on <paramref name="date"/>.</summary>
    public DateTimeOffset OfficeOpen(DateOnly date) => Instant(date, OfficeHours.Open);

    /// <summary>When the office closes on <paramref name="date"/>; day-based deadlines end at this instant.</summary>
    public DateTimeOffset OfficeClose(DateOnly date) => Instant(date, OfficeHours.Close);

    /// <summary>
    /// Working seconds from the calendar's origin up to <paramref name="instant"/>, counted inside office hours
    /// of working days. The difference of two positions is the working time between them, to the second.
    /// </summary>
    public long WorkingSecondPosition(DateTimeOffset instant)
    {
        var local = LocalDateTime(instant);
        var date = DateOnly.FromDateTime(local);
        var before = (long)CountThrough(date.DayNumber - 1) * OfficeHours.SecondsPerDay;
        return IsWorkingDay(date) ? before + OfficeHours.SecondsBefore(TimeOnly.FromDateTime(local)) : before;
    }

    /// <summary>
    /// The instant at which <paramref name="position"/> working seconds have passed since the origin; a
    /// position on a session boundary is the session's close, not the next opening.
    /// </summary>
    public DateTimeOffset AtWorkingSecondPosition(long position)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        var perDay = OfficeHours.SecondsPerDay;
        var fullDays = (position - 1) / perDay;
        var date = DateOnly.FromDayNumber(Nth(checked((int)fullDays + 1)));
        return Instant(date, OfficeHours.TimeAfterSeconds((int)(position - fullDays * perDay)));
    }

    /// <summary>
    /// A new calendar with <paramref name="year"/> added, or replacing the year of the same number. The year
    /// must be adjacent to the covered years and free of problems.
    /// </summary>
    public WorkingCalendar WithYear(CalendarYear year)
    {
        ArgumentNullException.ThrowIfNull(year);
        return new WorkingCalendar(Id, TimeZone, weeklyDaysOff, OfficeHours, years.Where(y => y.Year != year.Year).Append(year), Description);
    }

    /// <summary>A new calendar with other office hours.</summary>
    public WorkingCalendar WithOfficeHours(OfficeHours officeHours) =>
        new(Id, TimeZone, weeklyDaysOff, officeHours, years, Description);

    /// <inheritdoc />
    public override string ToString() => $"{Id} ({FirstCoveredYear}-{LastCoveredYear}, {TimeZone.Id})";

    private bool WeeklyWorking(int day) => weekPrefix[day % 7] != (day % 7 == 0 ? 0 : weekPrefix[day % 7 - 1]);

    // Working days from 0001-01-01 through the given day by the weekly pattern only.
    private int WeeklyCount(int day) => day < 0 ? 0 : day / 7 * workingPerWeek + weekPrefix[day % 7];

    // Working days from 0001-01-01 through the given day.
    private int CountThrough(int day)
    {
        if (day < firstDay)
        {
            return WeeklyCount(day);
        }
        if (day <= lastDay)
        {
            return countBefore + cumulative[day - firstDay];
        }
        return WeeklyCount(day) + deltaAfter;
    }

    // The day number of the n-th working day (n >= 1) since 0001-01-01.
    private int Nth(int n)
    {
        if (n <= countBefore)
        {
            return WeeklyNth(n);
        }
        if (n <= countBefore + cumulative[^1])
        {
            return firstDay + workingIndex[n - countBefore - 1];
        }
        return WeeklyNth(n - deltaAfter);
    }

    private int WeeklyNth(int n) => (n - 1) / workingPerWeek * 7 + weekPositions[(n - 1) % workingPerWeek];
}
