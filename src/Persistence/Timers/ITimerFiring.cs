using ServiceWindow.Persistence.Cases;

namespace ServiceWindow.Persistence.Timers;

/// What a due timer does to its case: the engine's part, with no I/O. The sweep reads the case,
/// asks this, and writes the answer in the transaction that claimed the timer.
public interface ITimerFiring
{
    /// The change to commit, or null when the timer no longer matters (the case moved on).
    CaseChange? Fire(StoredCase current, DueTimer timer, DateTimeOffset now);
}
