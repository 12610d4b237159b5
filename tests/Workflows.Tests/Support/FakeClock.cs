namespace ServiceWindow.Workflows.Tests.Support;

/// A hand-written clock that only moves when the test moves it.
public sealed class FakeClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

    public override TimeZoneInfo LocalTimeZone => Calendars.Shanghai;

    public DateTimeOffset Now => now;

    public void SetTo(DateTimeOffset instant)
    {
        if (instant < now)
        {
            throw new InvalidOperationException($"the clock does not run backwards ({instant:O} < {now:O})");
        }
        now = instant;
    }

    public void Advance(TimeSpan by) => SetTo(now + by);
}
