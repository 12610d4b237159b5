using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Workflows.Clock;

/// <summary>Turns a start instant and a <see cref="TimeLimit"/> into a <see cref="Deadline"/> on a calendar.</summary>
public static class DeadlineCalculator
{
    /// <summary>
    /// The deadline of <paramref name="limit"/> counted from <paramref name="start"/>. The start day is not
    /// counted: <c>N wd</c> ends at office close of the N-th working day after the start date (<c>0wd</c>: the
    /// start date, or the next working day when started after close or on a day off); <c>N d</c> ends at office close of the N-th day, moved to the next working day if that day
    /// is off; <c>N wh</c> ends when N hours of office time have passed. Provisional when the period reaches a
    /// year the calendar does not cover.
    /// </summary>
    public static Deadline Due(WorkingCalendar calendar, DateTimeOffset start, TimeLimit limit)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Due(calendar, start, limit, default);
    }

    /// <summary>The deadline with paused time added: the limit counts only time outside <paramref name="paused"/>.</summary>
    internal static Deadline Due(WorkingCalendar calendar, DateTimeOffset start, TimeLimit limit, PausedTime paused)
    {
        var startDate = calendar.LocalDate(start);
        switch (limit.Unit)
        {
            case TimeLimitUnit.WorkingDays:
            {
                var days = limit.Amount + paused.WorkingDays;
                // An immediate item accepted after close or on a day off is due at the next office day's close.
                if (days == 0 && (!calendar.IsWorkingDay(startDate) || start >= calendar.OfficeClose(startDate)))
                {
                    days = 1;
                }
                var date = calendar.AddWorkingDays(startDate, days);
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
                var from = calendar.WorkingMinutePosition(start);
                var minutes = (long)limit.Amount * 60 + paused.WorkingMinutes;
                // Zero hours is due at once, or at the next opening when the office is closed.
                var due = calendar.AtWorkingMinutePosition(minutes == 0 ? from + 1 : from + minutes);
                if (minutes == 0)
                {
                    due = due.AddMinutes(-1) > start ? due.AddMinutes(-1) : start;
                }
                var dueDate = calendar.LocalDate(due);
                return new Deadline(due, !calendar.Covers(startDate) || !calendar.Covers(dueDate));
            }
        }
    }
}
