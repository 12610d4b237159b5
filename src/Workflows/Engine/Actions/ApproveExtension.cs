using System.Globalization;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Workflows.Engine.Actions;

/// A leader approves the pending extension request: the clock is extended (a new episode, later deadlines),
/// refused when nothing is pending, after the deadline, or beyond statutory plus the maximum extension.
/// The notices carry the reason and the new promised deadline for the applicant.
internal sealed class ApproveExtension : IActionRule
{
    public static ApproveExtension Instance { get; } = new();

    public bool Apply(Transition transition, ActionDefinition action, CaseCommand command, ActionRecord record)
    {
        var state = transition.State;
        if (state.Data.PendingExtension is not { } request || state.Clock is not { } clock)
        {
            throw new TransitionRefusedException(state.Stage, action.Id, RefusalKind.NotAllowed, "no extension request is pending");
        }
        ServiceClock extended;
        try
        {
            extended = clock.Extend(transition.Now, TimeLimit.Parse(request.Extension), command.Actor.Id, transition.Calendar);
        }
        catch (ExtensionRefusedException e)
        {
            throw new TransitionRefusedException(state.Stage, action.Id, RefusalKind.NotAllowed, e.Message);
        }
        record.Data[InputNames.Extension] = request.Extension;
        record.Data[InputNames.Reason] = request.Reason;
        record.Data["requested_by"] = request.RequestedBy;
        record.Data["request_sequence"] = request.Sequence.ToString(CultureInfo.InvariantCulture);
        record.NotifyData[InputNames.Extension] = request.Extension;
        record.NotifyData[InputNames.Reason] = request.Reason;
        transition.State = state with { Clock = extended, Data = state.Data with { PendingExtension = null } };
        record.NotifyData["promised_due"] = HistoryText.Format(transition.Snapshot()!.Promised.Due);
        return true;
    }
}
