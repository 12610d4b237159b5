using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Persistence.Cases;

/// The definitions and the deployment's working calendar the engine runs cases on. A case keeps
/// the definition version it started on, so old versions stay available.
public interface IWorkflowCatalog
{
    WorkflowDefinition Definition(string id, int version);

    WorkflowDefinition Latest(string id);

    WorkingCalendar Calendar { get; }
}
