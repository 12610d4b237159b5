using System;
using System.Collections.Generic;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Workflows.Engine.Actions;

/// What every staff action shares, around its kind's rule: who may take it and with which inputs, who
/// becomes responsible, the inputs kept on the case, the stage move, the history entry and the notices.
internal static class StaffAction
{
    /// Refuses an actor without an allowed role, or a command missing a declared input.
    public static void Authorize(string stage, ActionDefinition action, CaseCommand command)
    {
        if (!action.Roles.Overlaps(command.Actor.Roles))
        {
            throw new TransitionRefusedException(stage, action.Id, RefusalKind.WrongRole,
                $"{command.Actor.Id} holds none of the roles allowed: {string.Join(", ", action.Roles)}");
        }
        List<string>? missing = null;
        foreach (var input in action.Inputs)
        {
            if (!command.Inputs.TryGetValue(input, out var value) || string.IsNullOrWhiteSpace(value))
            {
                (missing ??= []).Add(input);
            }
        }
        if (missing is not null)
        {
            throw new TransitionRefusedException(stage, action.Id, RefusalKind.MissingInput,
                $"missing input{(missing.Count > 1 ? "s" : "")}: {string.Join(", ", missing)}");
        }
    }

    /// The rule of an action kind.
    public static IActionRule RuleFor(ActionKind kind) => kind switch
    {
        ActionKind.RequestSupplement => RequestSupplement.Instance,
        ActionKind.RequestExtension => RequestExtension.Instance,
        ActionKind.ApproveExtension => ApproveExtension.Instance,
        ActionKind.Acknowledge => Acknowledge.Instance,
        ActionKind.VerifyComplaint => VerifyComplaint.Instance,
        _ => Move.Instance,
    };

    public static void Take(Transition transition, ActionDefinition action, CaseCommand command, string historyKind)
    {
        var fromStage = transition.State.Stage;
        // The verified-complaints count is the store's to give: a caller's input of that name is dropped
        // before it can reach the history, the case data or a notice.
        var callerInputs = WithoutReserved(command.Inputs);
        var record = new ActionRecord(
            transition.NextSequence,
            new Dictionary<string, string>(callerInputs, StringComparer.Ordinal),
            transition.NotificationData(callerInputs));
        if (!RuleFor(action.Kind).Apply(transition, action, command, record))
        {
            return;
        }

        var handler = record.Handler ?? action.Handler switch
        {
            null => null,
            "actor" => command.Actor.Id,
            var input => command.Inputs[input],
        };
        var inputs = transition.State.Data.Inputs;
        if (callerInputs.Count > 0)
        {
            var merged = new Dictionary<string, string>(inputs, StringComparer.Ordinal);
            foreach (var (name, value) in callerInputs)
            {
                merged[name] = value;
            }
            inputs = merged;
        }
        transition.State = transition.State with
        {
            Handler = handler ?? transition.State.Handler,
            Data = transition.State.Data with { Inputs = inputs },
            LastTouchedAt = transition.Now,
            LastTouchSequence = record.Sequence,
        };
        if (handler is not null)
        {
            record.Data["handler"] = handler;
        }

        var target = action.Target ?? fromStage;
        var moves = target != fromStage;
        if (moves)
        {
            transition.EnterStage(target, record.Sequence);
        }
        transition.Append(historyKind, command.Actor.Id, action.Id, fromStage == WorkflowEngine.NewCaseStage ? null : fromStage, target, record.Data);
        if (moves)
        {
            transition.CompleteIfTerminal();
        }
        transition.Notify(action.Notify, record.NotifyData);
        transition.Effects.AddRange(record.Findings);
    }

    private static IReadOnlyDictionary<string, string> WithoutReserved(IReadOnlyDictionary<string, string> inputs)
    {
        if (!inputs.ContainsKey(InputNames.PriorVerifiedComplaints))
        {
            return inputs;
        }
        var kept = new Dictionary<string, string>(inputs, StringComparer.Ordinal);
        kept.Remove(InputNames.PriorVerifiedComplaints);
        return kept;
    }
}
