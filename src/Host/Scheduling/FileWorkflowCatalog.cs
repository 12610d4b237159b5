using ServiceWindow.Host.Configuration;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Scheduling;

/// The definitions in `workflows/*.json` and the deployment calendar `workflows/calendars/<id>.json`
/// (`ServiceWindow:Calendar`, default `cn-mainland`), read once at start.
public sealed class FileWorkflowCatalog : IWorkflowCatalog
{
    private readonly DefinitionCatalog definitions;

    public FileWorkflowCatalog(IConfiguration configuration)
    {
        var folder = HostConfiguration.WorkflowsPath(configuration);
        var files = Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).ToList()
            : [];
        definitions = DefinitionCatalog.Load(files);
        var calendarId = configuration["ServiceWindow:Calendar"] ?? "cn-mainland";
        var calendarFile = Path.Combine(folder, "calendars", $"{calendarId}.json");
        CalendarJson = File.ReadAllText(calendarFile);
        Calendar = CalendarLoader.Load(Path.GetFileName(calendarFile), CalendarJson);
    }

    public WorkingCalendar Calendar { get; }

    /// The calendar file as read, published to the `calendars` table at start.
    public string CalendarJson { get; }

    public WorkflowDefinition Definition(string id, int version) => definitions.Get(id, version);

    public WorkflowDefinition Latest(string id) => definitions.Latest(id);
}
