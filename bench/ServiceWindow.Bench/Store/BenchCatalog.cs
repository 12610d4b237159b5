using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Bench.Store;

/// The benchmark definition (5 working days promised, three escalation levels) on the shipped calendar.
public sealed class BenchCatalog : IWorkflowCatalog
{
    public const string DefinitionId = "store-bench-permit";
    private readonly DefinitionCatalog definitions;

    public BenchCatalog()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Store");
        definitions = DefinitionCatalog.Load([("store-bench-permit.json", File.ReadAllText(Path.Combine(folder, "store-bench-permit.json")))]);
        Calendar = CalendarLoader.Load("cn-mainland.json", File.ReadAllText(Path.Combine(folder, "cn-mainland.json")), TimeZoneInfo.FindSystemTimeZoneById);
    }

    public WorkingCalendar Calendar { get; }

    public WorkflowDefinition Definition(string id, int version) => definitions.Get(id, version);

    public WorkflowDefinition Latest(string id) => definitions.Latest(id);
}
