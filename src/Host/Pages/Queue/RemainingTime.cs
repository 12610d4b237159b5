namespace ServiceWindow.Host.Pages.Queue;

/// Remaining working time as the windows count it: whole office days and the hours left over
/// ("剩余 2 个工作日 3 小时"); under one office day in hours and minutes, where every minute counts.
public static class RemainingTime
{
    /// The resource key and its two numbers.
    public static (string Key, long First, long Second) Describe(long workingMinutesRemaining, int minutesPerDay)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minutesPerDay);
        var overdue = workingMinutesRemaining < 0;
        var minutes = Math.Abs(workingMinutesRemaining);
        var prefix = overdue ? "Queue.Overdue" : "Queue.Remaining";
        if (minutes >= minutesPerDay)
        {
            return (prefix + "DaysHours", minutes / minutesPerDay, minutes % minutesPerDay / 60);
        }
        return (prefix + "Hours", minutes / 60, minutes % 60);
    }
}
