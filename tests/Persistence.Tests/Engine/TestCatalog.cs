using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Persistence.Tests.Engine;

/// The store's test definition (`store-test-permit.json`: 5 working days promised, yellow, red and
/// red + 2 working days escalation) on the shipped mainland calendar.
public sealed class TestCatalog : IWorkflowCatalog
{
    public const string DefinitionId = "store-test-permit";

    public static TestCatalog Instance { get; } = new();

    private readonly DefinitionCatalog definitions;

    private TestCatalog()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Engine");
        definitions = DefinitionCatalog.Load([("store-test-permit.json", File.ReadAllText(Path.Combine(folder, "store-test-permit.json")))]);
        Calendar = CalendarLoader.Load("cn-mainland.json", File.ReadAllText(Path.Combine(folder, "cn-mainland.json")), TimeZoneInfo.FindSystemTimeZoneById);
    }

    public WorkingCalendar Calendar { get; }

    public WorkflowDefinition Definition(string id, int version) => definitions.Get(id, version);

    public WorkflowDefinition Latest(string id) => definitions.Latest(id);
}
