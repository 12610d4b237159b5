namespace ServiceWindow.Workflows.Clock;

/// <summary>How a <see cref="TimeLimit"/> is counted.</summary>
public enum TimeLimitUnit
{
    /// <summary><c>wd</c>: working days on the calendar; the acceptance day is not counted.</summary>
    WorkingDays,

    /// <summary><c>d</c>: calendar days; a last day that is not a working day moves to the next working day.</summary>
    CalendarDays,

    /// <summary><c>wh</c>: working hours inside office hours.</summary>
    WorkingHours,
}
