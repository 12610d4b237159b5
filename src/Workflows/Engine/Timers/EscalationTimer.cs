using System;
using System.Collections.Generic;
using System.Globalization;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Workflows.Engine.Timers;

/// A level of the escalation ladder falling due: records it, notifies the level's recipients and opens its
/// finding against the responsible person. When levels are scheduled and fire is the ladder's to say.
internal sealed class EscalationTimer : ITimerRule
{
    public static EscalationTimer Instance { get; } = new();

    public string Kind => TimerKey.EscalationKind;

    public void Schedule(Transition transition, ClockSnapshot? read, List<PendingTimer> desired) =>
        desired.AddRange(EscalationLadder.Scheduled(transition, read));

    public bool Fire(Transition transition, TimerKey key, string timerKey)
    {
        var state = transition.State;
        var read = transition.Snapshot();
        if (EscalationLadder.ToFire(transition.Definition, state, read, key) is not { } level)
        {
            return false;
        }
        var sequence = transition.NextSequence;
        transition.State = EscalationLadder.MarkFired(state, key.Episode, level.Level, sequence);
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["level"] = level.Level.ToString(CultureInfo.InvariantCulture),
            ["at"] = HistoryText.Camel(level.At),
            ["episode"] = key.Episode.ToString(CultureInfo.InvariantCulture),
        };
        transition.Append(HistoryKinds.Escalation, Actor.System.Id, $"escalation.{level.Level}", state.Stage, state.Stage, data);
        var notifyData = transition.NotificationData(null);
        notifyData["level"] = data["level"];
        transition.Notify(level.Notify, notifyData);
        if (level.Finding is { } finding)
        {
            transition.Effects.Add(new OpenFinding(finding, state.Responsible,
                $"escalation level {level.Level} ({HistoryText.Camel(level.At)}{(level.After.Amount > 0 ? " + " + level.After : "")}) in stage '{state.Stage}'; promised deadline {HistoryText.Format(read!.Promised.Due)}",
                [state.StageEntrySequence, sequence]));
        }
        return true;
    }
}
