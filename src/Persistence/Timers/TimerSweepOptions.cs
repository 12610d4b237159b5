namespace ServiceWindow.Persistence.Timers;

/// How much one transaction claims, how many batches one sweep may run, and how a timer whose
/// firing failed is pushed back (doubling from one minute, at most a day).
public sealed record TimerSweepOptions
{
    public int BatchSize { get; init; } = 500;
    public int MaxBatchesPerSweep { get; init; } = 1_000;

    public TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(0, attempt - 1)), 24 * 60));
}
