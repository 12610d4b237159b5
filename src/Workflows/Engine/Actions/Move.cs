using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Workflows.Engine.Actions;

/// The default kind: nothing beyond what every action does (move to the target, record, notify).
internal sealed class Move : IActionRule
{
    public static Move Instance { get; } = new();

    public bool Apply(Transition transition, ActionDefinition action, CaseCommand command, ActionRecord record) => true;
}
