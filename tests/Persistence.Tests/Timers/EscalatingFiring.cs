using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Tests.Store;
using ServiceWindow.Persistence.Timers;

namespace ServiceWindow.Persistence.Tests.Timers;

/// Stands in for the engine: a due timer appends an escalation entry and notifies the handler;
/// a completed case ignores its timers. `OnFire` lets a test act in the middle of a sweep.
public sealed class EscalatingFiring : ITimerFiring
{
    public Action<DueTimer>? OnFire { get; init; }

    public CaseChange? Fire(StoredCase current, DueTimer timer, DateTimeOffset now)
    {
        OnFire?.Invoke(timer);
        if (current.Stage == "completed")
        {
            return null;
        }
        return CaseChanges.Next(current, $"escalated:{timer.Name}", null, now,
            notifications: [new NotificationRow("handler-1", $"escalation-{timer.Name}", "{}")]);
    }
}
