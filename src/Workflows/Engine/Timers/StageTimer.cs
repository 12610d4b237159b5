using System;
using System.Collections.Generic;
using System.Linq;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Workflows.Engine.Timers;

/// A timer a stage declares: runs while the case is in that stage entry, counted from the stage entry (at
/// any clock) or from a warning moment (only while the clock runs). Firing moves the case to the timer's
/// target, opens its finding against the responsible person and sends its notices.
internal sealed class StageTimer : ITimerRule
{
    public static StageTimer Instance { get; } = new();

    public string Kind => TimerKey.StageKind;

    public void Schedule(Transition transition, ClockSnapshot? read, List<PendingTimer> desired)
    {
        var state = transition.State;
        var stage = transition.Definition.Stage(state.Stage);
        foreach (var timer in stage.Timers)
        {
            var key = TimerKey.ForStage(stage.Id, timer.Id, state.StageEntrySequence);
            if (Transition.Contains(state.FiredTimers, key))
            {
                continue;
            }
            if (timer.Anchor == TimerAnchor.StageEntry)
            {
                var due = DeadlineCalculator.Due(transition.Calendar, state.StageEnteredAt, timer.After);
                desired.Add(new PendingTimer(key, timer.Id, due.Due, due.Provisional));
            }
            else if (read is { IsRunning: true })
            {
                var due = transition.After(transition.WarningStarts(timer.Anchor, read), timer.After);
                desired.Add(new PendingTimer(key, timer.Id, due.Due, due.Provisional));
            }
        }
    }

    public bool Fire(Transition transition, TimerKey key, string timerKey)
    {
        var state = transition.State;
        var stage = transition.Definition.Stage(state.Stage);
        var timer = stage.Timers.FirstOrDefault(t => t.Id == key.Name);
        if (timer is null || key.Stage != state.Stage || key.Sequence != state.StageEntrySequence)
        {
            return false;
        }
        var sequence = transition.NextSequence;
        transition.State = state with { FiredTimers = [.. state.FiredTimers, timerKey] };
        var target = timer.Target ?? state.Stage;
        var moves = target != state.Stage;
        if (moves)
        {
            transition.EnterStage(target, sequence);
        }
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { ["timer"] = timerKey };
        transition.Append(HistoryKinds.Timer, Actor.System.Id, timer.Id, state.Stage, target, data);
        if (moves)
        {
            transition.CompleteIfTerminal();
        }
        transition.Notify(timer.Notify, transition.NotificationData(null));
        if (timer.Finding is { } finding)
        {
            transition.Effects.Add(new OpenFinding(finding, state.Responsible,
                $"timer '{timer.Id}' ran out in stage '{state.Stage}' ({timer.After} from {HistoryText.Camel(timer.Anchor)})",
                [state.StageEntrySequence, sequence]));
        }
        return true;
    }
}
