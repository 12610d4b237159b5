using Microsoft.Extensions.Time.Testing;

namespace ServiceWindow.Web.Tests;

/// The host's clock in browser tests: the system clock, unless a test put a FakeTimeProvider in
/// charge with <see cref="WebFixture.UseFakeClock"/>. A FakeTimeProvider never moves backwards, so
/// each test that needs a date of its own gets a fresh one; <see cref="WebFixture.ResetAsync"/> hands
/// time back to the system.
public sealed class TestClock : TimeProvider
{
    private FakeTimeProvider? fake;

    public FakeTimeProvider Use(DateTimeOffset start)
    {
        var clock = new FakeTimeProvider(start);
        fake = clock;
        return clock;
    }

    public void UseSystem() => fake = null;

    public override DateTimeOffset GetUtcNow() => fake?.GetUtcNow() ?? System.GetUtcNow();
}
