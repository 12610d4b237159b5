namespace ServiceWindow.Host.Demo;

/// The seed's clock: the engine, the store and the sweep read it, and the seed moves it forward to
/// each step's moment, so every entry carries the time the step would have happened at.
public sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// Never backwards: history and timers assume time only moves on.
    public void MoveTo(DateTimeOffset instant)
    {
        if (instant > now)
        {
            now = instant;
        }
    }
}
