using System;
using System.Globalization;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Workflows.Clock;

/// <summary>Turns a start instant and a <see cref="TimeLimit"/> into a <see cref="Deadline"/> on a calendar.</summary>
public static class DeadlineCalculator
{
    /// <summary>
    /// The deadline of <paramref name="limit"/> counted from <paramref name="start"/>. The start day is not
    /// counted: <c>N wd</c> ends at office close of the N-th working day after the start date; <c>0wd</c> (an
    /// immediate item) at office close of the start date, also when that date is not a working day (a special
    /// opening), or of the next working day when started at or after close; <c>N d</c> ends at office close of
    /// the N-th day, moved to the next working day if that day is off; <c>N wh</c> ends when N hours of office
    /// time have passed, to the second. Provisional when the period reaches a year the calendar does not cover.
    /// </summary>
    /// <exception cref="DeadlineOutOfRangeException">The start or the due instant lies beyond 9999-12-31.</exception>
    public static Deadline Due(WorkingCalendar calendar, DateTimeOffset start, TimeLimit limit)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Due(calendar, start, limit, default);
    }

    /// <summary>The deadline with paused time added: the limit counts only time outside <paramref name="paused"/>.</summary>
    internal static Deadline Due(WorkingCalendar calendar, DateTimeOffset start, TimeLimit limit, PausedTime paused)
    {
        try
        {
            return Count(calendar, start, limit, paused);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException and not DeadlineOutOfRangeException or OverflowException or IndexOutOfRangeException)
        {
            throw new DeadlineOutOfRangeException(nameof(start), string.Create(CultureInfo.InvariantCulture,
                $"{limit} from {start:yyyy-MM-dd'T'HH:mm:sszzz} ends beyond the dates the calendar can represent"), e);
        }
    }

    private static Deadline Count(WorkingCalendar calendar, DateTimeOffset start, TimeLimit limit, PausedTime paused)
    {
        var startDate = calendar.LocalDate(start);
        switch (limit.Unit)
        {
            case TimeLimitUnit.WorkingDays:
            {
                var days = limit.Amount + paused.WorkingDays;
                // An immediate item is done in the same visit, also at a special opening on a day off; only
                // one accepted at or after close waits for the next working day.
                var date = days == 0 && start >= calendar.OfficeClose(startDate)
                    ? calendar.AddWorkingDays(startDate, 1)
                    : calendar.AddWorkingDays(startDate, days);
                return new Deadline(calendar.OfficeClose(date), !calendar.Covers(startDate) || !calendar.Covers(date));
            }
            case TimeLimitUnit.CalendarDays:
            {
                var date = startDate.AddDays(limit.Amount + paused.CalendarDays);
                var provisional = !calendar.Covers(startDate) || !calendar.Covers(date);
                if (!calendar.IsWorkingDay(date))
                {
                    date = calendar.AddWorkingDays(date, 1);
                    provisional |= !calendar.Covers(date);
                }
                return new Deadline(calendar.OfficeClose(date), provisional);
            }
            default:
            {
                var from = calendar.WorkingSecondPosition(start);
                var seconds = (long)limit.Amount * 3600 + paused.WorkingSeconds;
                // Zero hours is due at once, or at the next opening when the office is closed.
                var due = calendar.AtWorkingSecondPosition(seconds == 0 ? from + 1 : from + seconds);
                if (seconds == 0)
                {
                    due = due.AddSeconds(-1) > start ? due.AddSeconds(-1) : start;
                }
                var dueDate = calendar.LocalDate(due);
                return new Deadline(due, !calendar.Covers(startDate) || !calendar.Covers(dueDate));
            }
        }
    }
}
