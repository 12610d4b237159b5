using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Persistence.Deadlines;

/// Recomputes a case's provisional deadlines from the calendar version before an update to the
/// one after it. A case whose deadlines already are what the new calendar gives (opened after
/// the update) is left alone, so running again writes nothing.
public sealed class EngineDeadlineRecomputation(IWorkflowCatalog catalog, WorkflowEngine engine, WorkingCalendar previous, WorkingCalendar current)
    : IDeadlineRecomputation
{
    public CaseChange? Recompute(StoredCase stored, DateTimeOffset now) =>
        StoredCaseTransition.Apply(stored, catalog, now, (definition, state) =>
        {
            var result = engine.RecomputeDeadlines(definition, previous, current, state, now);
            var unchanged = result.State.PromisedDue == state.PromisedDue && result.State.StatutoryDue == state.StatutoryDue
                && result.State.DeadlinesProvisional == state.DeadlinesProvisional;
            return unchanged ? null : result;
        });
}
