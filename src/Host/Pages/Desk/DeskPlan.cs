using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Pages.Desk;

/// What the desk's three decisions mean for one service item, read from its definition before
/// anything is written: the start action, the action that starts the clock when the start alone
/// does not (the allowance's `accept`), the one-time supplement request once accepted, and the
/// refusal (an action with a reason that ends the case) from the stage the case opens in.
public sealed record DeskPlan(
    WorkflowDefinition Definition,
    ActionDefinition Start,
    ActionDefinition? Acceptance,
    ActionDefinition? Supplement,
    ActionDefinition? Refusal)
{
    public const string ReasonInput = "reason";

    /// The start's own inputs the clerk types in; the applicant's name is filled from the applicant.
    public IReadOnlyList<string> StartInputs =>
        Start.Inputs.Where(i => i != CaseInputs.Applicant && !CaseInputs.Reserved.Contains(i)).ToList();

    public IReadOnlyList<string> AcceptanceInputs => Acceptance?.Inputs ?? [];

    /// Null when the item has no start action these roles may take.
    public static DeskPlan? For(WorkflowDefinition definition, IReadOnlySet<string> roles)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(roles);
        var start = definition.Start.FirstOrDefault(a => a.Roles.Overlaps(roles) && a.Target is not null);
        if (start is null)
        {
            return null;
        }
        var opened = definition.Stage(start.Target!);
        var acceptance = opened is { Clock: ClockMode.Stopped, IsTerminal: false }
            ? opened.Actions.FirstOrDefault(a => a.Roles.Overlaps(roles) && a.Target is { } target
                && definition.Stage(target).Clock == ClockMode.Running)
            : null;
        var accepted = acceptance is null ? opened : definition.Stage(acceptance.Target!);
        var supplement = accepted.Actions.FirstOrDefault(a => a.Kind == ActionKind.RequestSupplement && a.Roles.Overlaps(roles));
        var refusal = opened.Actions.FirstOrDefault(a => a.Roles.Overlaps(roles) && a.Inputs.Contains(ReasonInput)
            && a.Target is { } end && definition.Stage(end).IsTerminal && definition.Stage(end).Outcome != "withdrawn");
        return new DeskPlan(definition, start, acceptance, supplement, refusal);
    }
}
