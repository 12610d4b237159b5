namespace ServiceWindow.Bench.Store;

/// One side of a scheduler comparison, on time or on catch-up: how fast its deadlines were
/// scheduled and how fast they fired once due. A side stopped at its cap fired fewer than scheduled.
public sealed record SchedulerRun(string Name, bool CatchUp, int Scheduled, double SchedulePerSecond, int Fired, TimeSpan Elapsed, TimeSpan? Cap)
{
    public double FirePerSecond => Fired / Elapsed.TotalSeconds;

    public string Line() =>
        $"  {Name,-8} {(CatchUp ? "catch-up" : "on time "),-8}: schedule {SchedulePerSecond,8:F0}/s, fire {FirePerSecond,8:F0}/s ({Fired:N0} of {Scheduled:N0} in {Elapsed.TotalSeconds:F1} s{(Cap is { } cap && Fired < Scheduled ? $", stopped at the {cap.TotalSeconds:F0} s cap" : "")})";
}
