using System;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Workflows.Statistics;

/// <summary>A calendar month in the office's time zone, as the instants it starts and ends at.</summary>
/// <param name="Month">The first day of the month.</param>
/// <param name="Start">Midnight of the 1st, office time.</param>
/// <param name="End">Midnight of the 1st of the next month, office time (exclusive).</param>
public sealed record StatisticsMonth(DateOnly Month, DateTimeOffset Start, DateTimeOffset End)
{
    /// <summary>The month starting on <paramref name="month"/> in <paramref name="zone"/>.</summary>
    public static StatisticsMonth Of(DateOnly month, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentOutOfRangeException.ThrowIfNotEqual(month.Day, 1);
        return new StatisticsMonth(month, Midnight(month, zone), Midnight(month.AddMonths(1), zone));
    }

    /// <summary>The month starting on <paramref name="month"/> in the calendar's zone.</summary>
    public static StatisticsMonth Of(DateOnly month, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Of(month, calendar.TimeZone);
    }

    /// <summary>The month <paramref name="instant"/> falls in, in <paramref name="zone"/>.</summary>
    public static StatisticsMonth Containing(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return Of(new DateOnly(local.Year, local.Month, 1), zone);
    }

    /// <summary>True when <paramref name="instant"/> lies in the month.</summary>
    public bool Contains(DateTimeOffset instant) => instant >= Start && instant < End;

    private static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
