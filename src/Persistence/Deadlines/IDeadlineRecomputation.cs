using ServiceWindow.Persistence.Cases;

namespace ServiceWindow.Persistence.Deadlines;

/// Recomputes a case's provisional deadlines on the calendar now loaded: the engine's part.
/// Null when nothing changes (the calendar still does not cover the deadline).
public interface IDeadlineRecomputation
{
    CaseChange? Recompute(StoredCase current, DateTimeOffset now);
}
