namespace ServiceWindow.Host.Tests;

/// Real time moved to a chosen instant, for the application's TimeProvider. It keeps running, as
/// the jobs and the command path expect; Hangfire's own scheduling reads the system clock.
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan offset = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
