namespace ServiceWindow.Host.Tests;

/// Real time moved to a chosen instant. It keeps running, because Quartz reads the same
/// TimeProvider and waits on it; a stopped clock would stall its triggers.
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private readonly TimeSpan offset = start - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
