using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Persistence.Tests.Engine;

/// The store's test definition (`store-test-permit.json`: 5 working days promised, yellow, red and
/// red + 2 working days escalation) and the shipped complaint handling, on the shipped mainland calendar.
public sealed class TestCatalog : IWorkflowCatalog
{
    public const string DefinitionId = "store-test-permit";
    public const string ComplaintDefinitionId = "complaint-handling";

    public static TestCatalog Instance { get; } = new();

    private readonly DefinitionCatalog definitions;

    private TestCatalog()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Engine");
        definitions = DefinitionCatalog.Load(new[] { "store-test-permit.json", "complaint-handling.json" }
            .Select(file => (file, File.ReadAllText(Path.Combine(folder, file)))));
        Calendar = CalendarLoader.Load("cn-mainland.json", File.ReadAllText(Path.Combine(folder, "cn-mainland.json")), TimeZoneInfo.FindSystemTimeZoneById);
    }

    public WorkingCalendar Calendar { get; }

    public WorkflowDefinition Definition(string id, int version) => definitions.Get(id, version);

    public WorkflowDefinition Latest(string id) => definitions.Latest(id);
}
