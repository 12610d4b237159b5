using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Workflows.Engine.Actions;

/// A referral acknowledged (签收): whoever acknowledges becomes responsible; the first-inquiry owner stays
/// on the record.
internal sealed class Acknowledge : IActionRule
{
    public static Acknowledge Instance { get; } = new();

    public bool Apply(Transition transition, ActionDefinition action, CaseCommand command, ActionRecord record)
    {
        record.Data["acknowledged_by"] = command.Actor.Id;
        record.Handler = command.Actor.Id;
        return true;
    }
}
