namespace ServiceWindow.Persistence.Timers;

/// Claimed: timers taken in the batch; Fired: those that changed their case; Failed: those whose
/// firing threw and were pushed back.
public readonly record struct SweepResult(int Claimed, int Fired, int Failed)
{
    public static SweepResult operator +(SweepResult a, SweepResult b) =>
        new(a.Claimed + b.Claimed, a.Fired + b.Fired, a.Failed + b.Failed);
}
