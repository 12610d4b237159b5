using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Workflows;

/// A candidate definition version as checked for publishing: the definition when it parsed, and
/// every problem with its JSON path and the line it starts on in the uploaded text.
public sealed record DefinitionCheck(WorkflowDefinition? Definition, IReadOnlyList<DefinitionCheckProblem> Problems)
{
    public bool IsValid => Definition is not null && Problems.Count == 0;
}
