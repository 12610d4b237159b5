using System;
using System.Collections.Generic;
using ServiceWindow.Workflows.Accountability;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Workflows.Engine.Timers;

/// Inaction (不作为): a case on a running clock untouched for the definition's <c>inactionAfter</c> since
/// its last touch opens an inaction finding against the responsible person. A touch gives a new key.
internal sealed class InactionTimer : ITimerRule
{
    public static InactionTimer Instance { get; } = new();

    public string Kind => TimerKey.InactionKind;

    public void Schedule(Transition transition, ClockSnapshot? read, List<PendingTimer> desired)
    {
        var state = transition.State;
        if (read is not { IsRunning: true } || transition.Definition.Accountability.InactionAfter is not { } inaction)
        {
            return;
        }
        var key = TimerKey.ForInaction(state.LastTouchSequence);
        if (!Transition.Contains(state.FiredTimers, key))
        {
            var due = DeadlineCalculator.Due(transition.Calendar, state.LastTouchedAt, inaction);
            desired.Add(new PendingTimer(key, "inaction", due.Due, due.Provisional));
        }
    }

    public bool Fire(Transition transition, TimerKey key, string timerKey)
    {
        var state = transition.State;
        var sequence = transition.NextSequence;
        transition.State = state with { FiredTimers = [.. state.FiredTimers, timerKey] };
        var limit = transition.Definition.Accountability.InactionAfter;
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["untouched_since"] = HistoryText.Format(state.LastTouchedAt),
            ["limit"] = limit?.ToString() ?? "",
        };
        transition.Append(HistoryKinds.Inaction, Actor.System.Id, "inaction", state.Stage, state.Stage, data);
        transition.Effects.Add(new OpenFinding(FindingKind.Inaction, state.Responsible,
            $"case untouched in stage '{state.Stage}' since {HistoryText.Format(state.LastTouchedAt)} ({limit})",
            [state.LastTouchSequence, sequence]));
        return true;
    }
}
