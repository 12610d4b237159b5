using System;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Workflows.Clock;

/// <summary>
/// When a running clock turns yellow: when the remaining time is at most <see cref="YellowWorkingDays"/>
/// working days or at most <see cref="YellowPercentOfPromised"/> percent of the promised limit, whichever is
/// larger. Limits in working hours use the percentage only, since a day is longer than most of them.
/// </summary>
public sealed record WarningThresholds
{
    /// <summary>Yellow at 1 working day or 20% of the promised limit.</summary>
    public static WarningThresholds Default { get; } = new(1, 20);

    /// <summary>Creates thresholds; both are non-negative and the percentage at most 100.</summary>
    public WarningThresholds(int YellowWorkingDays, int YellowPercentOfPromised)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(YellowWorkingDays);
        ArgumentOutOfRangeException.ThrowIfNegative(YellowPercentOfPromised);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(YellowPercentOfPromised, 100);
        this.YellowWorkingDays = YellowWorkingDays;
        this.YellowPercentOfPromised = YellowPercentOfPromised;
    }

    /// <summary>Working days remaining at which a day-based limit turns yellow.</summary>
    public int YellowWorkingDays { get; }

    /// <summary>Share of the promised limit, in percent, remaining at which the clock turns yellow.</summary>
    public int YellowPercentOfPromised { get; }

    /// <summary>
    /// The instant a running clock turns yellow for a promised deadline <paramref name="promisedDue"/> of
    /// <paramref name="promisedLimit"/>: office open of the first day the remaining working days are within the
    /// threshold (for calendar days also the calendar days), or, for working hours, the moment the remaining
    /// office time is within the share. The one source of the rule: <see cref="IsYellow"/> reads it too.
    /// </summary>
    public DateTimeOffset YellowFrom(WorkingCalendar calendar, TimeLimit promisedLimit, DateTimeOffset promisedDue)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var share = promisedLimit.Amount * YellowPercentOfPromised / 100;
        if (promisedLimit.Unit == TimeLimitUnit.WorkingHours)
        {
            var seconds = (long)promisedLimit.Amount * 3600 * YellowPercentOfPromised / 100;
            return calendar.AtWorkingSecondPosition(Math.Max(1, calendar.WorkingSecondPosition(promisedDue) - seconds));
        }
        var dueDay = calendar.LocalDate(promisedDue);
        var days = promisedLimit.Unit == TimeLimitUnit.WorkingDays ? Math.Max(YellowWorkingDays, share) : YellowWorkingDays;
        var day = calendar.AddWorkingDays(dueDay, -days);
        if (promisedLimit.Unit == TimeLimitUnit.CalendarDays)
        {
            var byShare = dueDay.AddDays(-share);
            day = byShare < day ? byShare : day;
        }
        return calendar.OfficeOpen(day);
    }

    /// <summary>True when a running clock with that promised deadline is yellow at <paramref name="at"/> (red not yet reached).</summary>
    public bool IsYellow(WorkingCalendar calendar, TimeLimit promisedLimit, DateTimeOffset promisedDue, DateTimeOffset at) =>
        at <= promisedDue && at >= YellowFrom(calendar, promisedLimit, promisedDue);
}
