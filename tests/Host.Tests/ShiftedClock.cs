namespace ServiceWindow.Host.Tests;

/// Real time moved to a chosen instant, which the test can jump forward. It keeps running, because
/// Quartz reads the same TimeProvider and waits on it; a stopped clock would stall its triggers.
public sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
{
    private long offsetTicks = (start - System.GetUtcNow()).Ticks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref offsetTicks));

    public void Jump(TimeSpan by) => Interlocked.Add(ref offsetTicks, by.Ticks);
}
