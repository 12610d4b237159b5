using ServiceWindow.Host.Configuration;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Catalogue;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Catalogue;

/// The definitions in `workflows/*.json` and the deployment calendar `workflows/calendars/<id>.json`
/// (`ServiceWindow:Calendar`, default `cn-mainland`), read at start; the calendar is replaced while
/// running only through <see cref="Calendars.DeploymentCalendar"/>. Published versions that
/// no file carries any more are added at start (<see cref="IncludePublished"/>), so a running case
/// keeps the version it started on after its file moved to a new version.
public sealed class FileWorkflowCatalog : IWorkflowCatalog
{
    // Replaced once, at start, before the host serves or schedules anything.
    private volatile DefinitionCatalog definitions;

    public FileWorkflowCatalog(IConfiguration configuration)
    {
        var folder = HostConfiguration.WorkflowsPath(configuration);
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"workflow definitions folder {folder} not found; set SERVICEWINDOW_WORKFLOWS or ServiceWindow:WorkflowsPath");
        }
        var files = Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal)
            .Select(f => (FileName: Path.GetFileName(f), Json: File.ReadAllText(f)))
            .ToList();
        definitions = DefinitionCatalog.Load(files);
        FileDefinitions = files
            .Select(f => (f, Definition: DefinitionLoader.Load(f.FileName, f.Json)))
            .Select(x => new PublishedDefinition(x.Definition.Id, x.Definition.Version, x.f.Json, x.f.FileName))
            .ToList();
        var calendarId = configuration["ServiceWindow:Calendar"] ?? "cn-mainland";
        var calendarFile = Path.Combine(folder, "calendars", $"{calendarId}.json");
        var json = File.ReadAllText(calendarFile);
        calendar = new LoadedCalendar(CalendarLoader.Load(Path.GetFileName(calendarFile), json, TimeZoneInfo.FindSystemTimeZoneById), json);
    }

    // The calendar and its text change together, so a reader never sees one without the other.
    private volatile LoadedCalendar calendar;

    public WorkingCalendar Calendar => calendar.Calendar;

    /// The calendar file as read, published to the `calendars` table at start.
    public string CalendarJson => calendar.Json;

    /// Puts an updated calendar in force for every case command from now on.
    internal void UseCalendar(WorkingCalendar updated, string json)
    {
        ArgumentNullException.ThrowIfNull(updated);
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        if (updated.Id != Calendar.Id)
        {
            throw new ArgumentException($"calendar {updated.Id} cannot replace {Calendar.Id}", nameof(updated));
        }
        calendar = new LoadedCalendar(updated, json);
    }

    /// The definitions as the files hold them, to publish at start.
    public IReadOnlyList<PublishedDefinition> FileDefinitions { get; }

    public WorkflowDefinition Definition(string id, int version) => definitions.Get(id, version);

    public WorkflowDefinition Latest(string id) => definitions.Latest(id);

    /// Adds the published versions the files no longer carry.
    public void IncludePublished(IEnumerable<PublishedDefinition> published)
    {
        ArgumentNullException.ThrowIfNull(published);
        var inFiles = FileDefinitions.Select(d => (d.Id, d.Version)).ToHashSet();
        definitions = DefinitionCatalog.Load(FileDefinitions
            .Concat(published.Where(p => !inFiles.Contains((p.Id, p.Version))))
            .Select(d => (d.Source, d.Json)));
    }

    private sealed record LoadedCalendar(WorkingCalendar Calendar, string Json);
}
