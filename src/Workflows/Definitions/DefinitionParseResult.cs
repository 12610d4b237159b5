using System.Collections.Generic;

namespace ServiceWindow.Workflows.Definitions;

/// <summary>The outcome of parsing one definition file: the definition when valid, and every problem.</summary>
public sealed record DefinitionParseResult(WorkflowDefinition? Definition, IReadOnlyList<DefinitionProblem> Problems)
{
    /// <summary>True when the file holds a valid definition.</summary>
    public bool IsValid => Definition is not null && Problems.Count == 0;
}
