using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Workflows.Engine.Actions;

/// The one signature every action kind implements. It runs before what all actions share (handler, inputs,
/// stage move, history entry, notices) and may refuse with <see cref="TransitionRefusedException"/>, add to
/// the record, or return false when it recorded the action on its own and the case goes no further.
internal interface IActionRule
{
    bool Apply(Transition transition, ActionDefinition action, CaseCommand command, ActionRecord record);
}
