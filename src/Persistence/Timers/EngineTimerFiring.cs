using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Persistence.Timers;

/// Fires a case timer through the engine. A timer the case no longer waits for gives an empty
/// result, and the sweep just drops it.
public sealed class EngineTimerFiring(IWorkflowCatalog catalog, WorkflowEngine engine) : ITimerFiring
{
    public CaseChange? Fire(StoredCase current, DueTimer timer, DateTimeOffset now) =>
        StoredCaseTransition.Apply(current, catalog, now,
            (definition, state) => engine.FireTimer(definition, catalog.Calendar, state, timer.Key, now));
}
