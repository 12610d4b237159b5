using System.Linq;
using ServiceWindow.Workflows.Accountability;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Workflows.Engine.Actions;

/// An extension (延期) asked for a leader to approve, counted like the promised limit. Asked after the
/// promised deadline it is refused on the record: an <c>extension_refused</c> entry, a misconduct finding
/// against the requester, and the case stays where it is, overdue.
internal sealed class RequestExtension : IActionRule
{
    public static RequestExtension Instance { get; } = new();

    public bool Apply(Transition transition, ActionDefinition action, CaseCommand command, ActionRecord record)
    {
        var state = transition.State;
        if (state.Clock is not { } clock || clock.State == ClockState.Stopped)
        {
            throw new TransitionRefusedException(state.Stage, action.Id, RefusalKind.NotAllowed, "the case is not on the clock");
        }
        var text = command.Inputs[InputNames.Extension];
        if (!TimeLimit.TryParse(text, out var extra) || extra.Amount == 0 || extra.Unit != clock.PromisedLimit.Unit)
        {
            throw new TransitionRefusedException(state.Stage, action.Id, RefusalKind.InvalidInput,
                $"'{text}' is not an extension counted like the promised limit {clock.PromisedLimit}");
        }
        var snapshot = transition.Snapshot()!;
        var reason = command.Inputs[InputNames.Reason];
        record.NotifyData[InputNames.Reason] = reason;
        if (transition.Now > snapshot.Promised.Due)
        {
            record.Data["refused"] = $"asked after the promised deadline {HistoryText.Format(snapshot.Promised.Due)}";
            transition.State = transition.State with { LastTouchedAt = transition.Now, LastTouchSequence = record.Sequence };
            transition.Append(HistoryKinds.ExtensionRefused, command.Actor.Id, action.Id, state.Stage, state.Stage, record.Data);
            transition.Effects.Add(new OpenFinding(FindingKind.Misconduct, command.Actor.Id,
                $"extension asked at {HistoryText.Format(transition.Now)}, after the promised deadline {HistoryText.Format(snapshot.Promised.Due)}",
                [record.Sequence]));
            return false;
        }
        transition.State = transition.State with
        {
            Data = transition.State.Data with
            {
                PendingExtension = new ExtensionRequest(record.Sequence, command.Actor.Id, transition.Now, extra.ToString(), reason),
            },
        };
        return true;
    }
}
