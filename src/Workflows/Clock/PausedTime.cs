namespace ServiceWindow.Workflows.Clock;

/// <summary>Time a clock stood still, measured in each unit a limit can use.</summary>
internal readonly record struct PausedTime(int WorkingDays, int CalendarDays, long WorkingSeconds)
{
    public PausedTime Plus(PausedTime other) =>
        new(WorkingDays + other.WorkingDays, CalendarDays + other.CalendarDays, WorkingSeconds + other.WorkingSeconds);
}
