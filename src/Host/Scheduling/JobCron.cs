namespace ServiceWindow.Host.Scheduling;

/// Turns a configured interval into the cron Hangfire schedules recurring jobs by.
public static class JobCron
{
    public static string Every(TimeSpan interval)
    {
        if (interval.Ticks % TimeSpan.TicksPerSecond == 0)
        {
            var seconds = (int)interval.TotalSeconds;
            if (seconds is > 0 and < 60 && 60 % seconds == 0)
            {
                return $"*/{seconds} * * * * *";
            }
            if (seconds % 60 == 0 && seconds / 60 is > 0 and < 60 && 60 % (seconds / 60) == 0)
            {
                return $"*/{seconds / 60} * * * *";
            }
        }
        throw new ArgumentOutOfRangeException(nameof(interval), interval,
            "a job interval must be whole seconds dividing a minute or whole minutes dividing an hour");
    }
}
