using System.Globalization;
using System.Linq;
using ServiceWindow.Workflows.Accountability;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Workflows.Engine.Actions;

/// A verified complaint (查实) opens a misconduct finding against the person complained about, with the
/// sanction the ladder gives for this year's count. The count of earlier ones is the store's
/// (<see cref="CaseCommand.PriorVerifiedComplaints"/>), never the caller's: complaints come from outside.
internal sealed class VerifyComplaint : IActionRule
{
    public static VerifyComplaint Instance { get; } = new();

    public bool Apply(Transition transition, ActionDefinition action, CaseCommand command, ActionRecord record)
    {
        var against = command.Inputs[InputNames.Against];
        if (command.PriorVerifiedComplaints is not { } prior)
        {
            throw new TransitionRefusedException(transition.State.Stage, action.Id, RefusalKind.NotAllowed,
                $"the count of complaints against {against} verified earlier this year was not supplied by the store");
        }
        if (prior < 0)
        {
            throw new TransitionRefusedException(transition.State.Stage, action.Id, RefusalKind.InvalidInput,
                $"{prior} is not a count of complaints verified earlier this year");
        }
        var count = prior + 1;
        var sanction = SanctionLadder.For(transition.Definition.Accountability.Sanctions, count);
        record.Data[InputNames.PriorVerifiedComplaints] = prior.ToString(CultureInfo.InvariantCulture);
        record.Data["verified_count"] = count.ToString(CultureInfo.InvariantCulture);
        record.Data["sanction"] = sanction.ToString();
        record.Findings.Add(new OpenFinding(FindingKind.Misconduct, against,
            $"verified complaint no. {count} this calendar year against {against}: {sanction}",
            [.. new[] { 1, record.Sequence }.Distinct()]));
        return true;
    }
}
