namespace ServiceWindow.Host.Scheduling;

/// The `ServiceWindow:Scheduler` configuration section.
public sealed class SchedulerOptions
{
    public const string Section = "ServiceWindow:Scheduler";

    /// Whether this node runs a Hangfire server (the jobs); off for processes that only serve, and
    /// by default in tests. The dashboard and the job client work either way.
    public bool Enabled { get; set; } = true;

    /// How often due timers are swept; a deadline fires at most this late (plus the polling below).
    /// Whole seconds dividing a minute, or whole minutes dividing an hour: it becomes a cron.
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan OutboxInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// How often the statistics facts catch up with the history; live reports lag by at most this.
    public TimeSpan StatisticsInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// How often a server looks for recurring and delayed jobs that came due; a 10 s cron runs only
    /// as often as this allows (Hangfire's default of 15 s would stretch it to 15 s).
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// How often an idle worker asks the queue for work.
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public int WorkerCount { get; set; } = 4;

    public int TimerBatchSize { get; set; } = 500;

    /// Attempts after the first failure; then the job shows as failed on the dashboard.
    public int RetryAttempts { get; set; } = 5;

    /// Delay before each retry, the last repeated (default 5 s, 30 s, 2 min, 10 min); transient
    /// database errors usually clear in seconds. Null here, since configuration appends to an array.
    public int[]? RetryDelaysSeconds { get; set; }

    public static readonly int[] DefaultRetryDelaysSeconds = [5, 30, 120, 600];

    /// How long a job fetched by a server that died stays invisible before another server takes
    /// it; a live server keeps extending it (sliding), so it can be short.
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan SucceededJobExpiry { get; set; } = TimeSpan.FromDays(1);

    public TimeSpan FailedJobExpiry { get; set; } = TimeSpan.FromDays(30);

    /// How long a stopping server waits for running jobs before it cancels them; the host must be
    /// gone within 10 s of SIGTERM, also when the database is down.
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(4);
}
