namespace ServiceWindow.Bench.Statistics;

/// A clock each generating worker moves to the instant of the command it is about to run, so a
/// case's history carries office times of the month being generated, not the time of the run.
internal sealed class BenchClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
