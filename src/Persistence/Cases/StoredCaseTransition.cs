using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Persistence.Cases;

/// The one routine from a stored case to the change that writes what the engine decided: rebuild the
/// engine's state, find the definition version the case runs, let the engine decide, map the result.
/// Commands, fired timers and deadline recomputation all go through it.
public static class StoredCaseTransition
{
    /// The change to commit, or null when the engine changed nothing (or <paramref name="decide"/> returned null).
    public static CaseChange? Apply(StoredCase stored, IWorkflowCatalog catalog, DateTimeOffset at,
        Func<WorkflowDefinition, CaseState, TransitionResult?> decide)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(decide);
        var state = CaseStateJson.Deserialize(stored.StateJson);
        var result = decide(catalog.Definition(state.DefinitionId, state.DefinitionVersion), state);
        return result is null || result.IsEmpty ? null : TransitionMapping.ToChange(result, stored, at);
    }
}
