namespace ServiceWindow.Persistence.Outbox;

/// Batch size, and the retry policy: back-off doubling from 30 seconds up to an hour, and giving
/// up after `MaxAttempts` so one bad number does not retry for ever.
public sealed record OutboxOptions
{
    public int BatchSize { get; init; } = 100;
    public int MaxAttempts { get; init; } = 8;
    public int MaxBatchesPerRun { get; init; } = 100;

    public TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, Math.Max(0, attempt - 1)), 3_600));
}
