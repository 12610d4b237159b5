using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Workflows.Engine.Timers;

/// The escalation ladder's rule. A level is scheduled while the clock runs, at its warning moment, or
/// <c>after</c> counted from the later of that moment and the stage entry (moving the case on stops the
/// levels in progress and gives the new stage its own time). A level fires once per clock episode: a resume
/// or an extension starts a new episode and the ladder starts over; within one episode a level that fired
/// is neither scheduled nor fired again, whatever key arrives.
internal static class EscalationLadder
{
    /// The levels the case waits for now: none unless the clock runs, none that fired in this episode.
    public static IEnumerable<PendingTimer> Scheduled(Transition transition, ClockSnapshot? read)
    {
        if (read is not { IsRunning: true })
        {
            yield break;
        }
        var state = transition.State;
        foreach (var level in transition.Definition.Escalation)
        {
            if (HasFired(state, read.Episode, level.Level))
            {
                continue;
            }
            var anchor = transition.WarningStarts(level.At, read);
            var due = level.After.Amount == 0
                ? anchor
                : transition.After(new Deadline(Transition.Max(anchor.Due, state.StageEnteredAt), anchor.Provisional), level.After);
            yield return new PendingTimer(
                TimerKey.ForEscalation(level.Level, read.Episode, state.StageEntrySequence),
                "escalation." + level.Level.ToString(CultureInfo.InvariantCulture),
                due.Due,
                due.Provisional);
        }
    }

    /// The level a key fires now, or null: the level must exist, the clock run in the key's episode, and the
    /// level not have fired in that episode.
    public static EscalationLevel? ToFire(WorkflowDefinition definition, CaseState state, ClockSnapshot? read, TimerKey key)
    {
        if (read is not { IsRunning: true } || read.Episode != key.Episode || HasFired(state, key.Episode, key.Level))
        {
            return null;
        }
        return definition.Escalation.FirstOrDefault(l => l.Level == key.Level);
    }

    /// Records the level as fired in the episode, so it is not scheduled or fired again in it.
    public static CaseState MarkFired(CaseState state, int episode, int level, int sequence) =>
        state with { FiredEscalations = [.. state.FiredEscalations, new FiredEscalation(episode, level, sequence)] };

    public static bool HasFired(CaseState state, int episode, int level)
    {
        foreach (var fired in state.FiredEscalations)
        {
            if (fired.Episode == episode && fired.Level == level)
            {
                return true;
            }
        }
        return false;
    }
}
