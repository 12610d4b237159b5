namespace ServiceWindow.Host.Scheduling;

/// The `ServiceWindow:Scheduler` configuration section.
public sealed class SchedulerOptions
{
    public const string Section = "ServiceWindow:Scheduler";

    /// Off for processes that only serve (or tests); every node of a cluster normally runs it.
    public bool Enabled { get; set; } = true;

    /// How often due timers are swept; a deadline fires at most this late.
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan OutboxInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// Jobs one node runs at once; Quartz's acquisition batch is kept at or below it.
    public int MaxConcurrency { get; set; } = 4;

    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(15);

    public int TimerBatchSize { get; set; } = 500;
}
