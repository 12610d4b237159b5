using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Workflows.Tests.Support;

/// A case clock with sensible defaults: accepted Monday 2025-09-22 10:00 Shanghai, 5wd promised, 10wd statutory, 5wd extension.
public sealed class ClockBuilder
{
    private DateTimeOffset acceptedAt = Calendars.Instant("2025-09-22T10:00:00+08:00");
    private TimeLimit promised = TimeLimit.WorkingDays(5);
    private TimeLimit statutory = TimeLimit.WorkingDays(10);
    private TimeLimit maxExtension = TimeLimit.WorkingDays(5);

    public ClockBuilder AcceptedAt(string instant)
    {
        acceptedAt = Calendars.Instant(instant);
        return this;
    }

    public ClockBuilder Limits(string promisedLimit, string statutoryLimit, string maxExtensionLimit)
    {
        promised = TimeLimit.Parse(promisedLimit);
        statutory = TimeLimit.Parse(statutoryLimit);
        maxExtension = TimeLimit.Parse(maxExtensionLimit);
        return this;
    }

    public ServiceClock Build() => ServiceClock.Start(acceptedAt, promised, statutory, maxExtension);
}
