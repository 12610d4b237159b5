using System;
using System.Collections.Generic;
using System.Linq;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Workflows.Engine;

/// A calendar change reaching an open case: deadlines recomputed as <see cref="DeadlineRecomputation"/>
/// decides (provisional ones move, printed ones are held) and timers rescheduled, recorded in one
/// <see cref="HistoryKinds.DeadlinesRecomputed"/> entry with the old and new values.
internal static class CalendarChange
{
    /// Applies the change to the transition; false when nothing moved and no entry is due.
    public static bool Apply(Transition transition, WorkingCalendar oldCalendar, WorkingCalendar newCalendar)
    {
        var state = transition.State;
        var data = new Dictionary<string, string>(StringComparer.Ordinal) { ["calendar"] = newCalendar.Id };
        var clockChanged = false;
        if (state.Clock is { } clock)
        {
            var recomputed = DeadlineRecomputation.Recompute(oldCalendar, newCalendar, clock, transition.Now);
            clockChanged = recomputed.NeedsHistoryEntry;
            Describe(data, "promised", recomputed.Promised);
            Describe(data, "statutory", recomputed.Statutory);
            transition.State = state with { Clock = recomputed.Clock };
        }
        transition.Reconcile();
        if (!clockChanged && transition.Effects.Count == 0)
        {
            return false;
        }
        var moved = transition.Effects.OfType<ScheduleTimer>().Select(t => t.Name).ToList();
        if (moved.Count > 0)
        {
            data["timers_moved"] = string.Join(",", moved);
        }
        transition.Append(HistoryKinds.DeadlinesRecomputed, Actor.System.Id, null, state.Stage, state.Stage, data);
        return true;
    }

    private static void Describe(Dictionary<string, string> data, string name, DeadlineChange change)
    {
        data[name + "_before"] = HistoryText.Format(change.Old.Due);
        data[name + "_after"] = HistoryText.Format(change.InForce.Due);
        data[name + "_outcome"] = change.Outcome.ToString();
        if (change.Outcome == DeadlineChangeOutcome.Held)
        {
            data[name + "_new_calendar_would_give"] = HistoryText.Format(change.New.Due);
        }
    }
}
