using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Persistence.Timers;

/// Fires a case timer through the engine. A timer the case no longer waits for gives an empty
/// result, and the sweep just drops it.
public sealed class EngineTimerFiring(IWorkflowCatalog catalog, WorkflowEngine engine) : ITimerFiring
{
    public CaseChange? Fire(StoredCase current, DueTimer timer, DateTimeOffset now)
    {
        var state = CaseStateJson.Deserialize(current.StateJson);
        var result = engine.FireTimer(catalog.Definition(state.DefinitionId, state.DefinitionVersion), catalog.Calendar, state, timer.Key, now);
        return result.IsEmpty ? null : TransitionMapping.ToChange(result, current, now);
    }
}
