namespace ServiceWindow.Host.Tests.Api;

/// A clock that stands still until a test moves it, so deadlines come out exactly as worked out
/// by hand. The scheduler is off in these tests, so nothing waits on it.
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Set(DateTimeOffset instant) => now = instant;

    public void Advance(TimeSpan by) => now += by;
}
