using System.Collections.Generic;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Workflows.Engine.Timers;

/// The one signature every timer kind implements: when its timers are wanted, and what firing one does.
internal interface ITimerRule
{
    /// The <see cref="TimerKey.Kind"/> of the keys this rule owns.
    string Kind { get; }

    /// Adds the timers of this kind the case wants now; <paramref name="read"/> is null before acceptance.
    void Schedule(Transition transition, ClockSnapshot? read, List<PendingTimer> desired);

    /// Fires a pending key of this kind; false when the key no longer applies and nothing happens.
    bool Fire(Transition transition, TimerKey key, string timerKey);
}
