using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Tests.Statistics;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Persistence.Tests.Satisfaction;

/// The statistics test items plus the shipped bad-review rectification (5 working days promised).
public sealed class SatisfactionCatalog : IWorkflowCatalog
{
    public static SatisfactionCatalog Instance { get; } = new();

    private readonly DefinitionCatalog rectification = DefinitionCatalog.Load(
        [("bad-review-rectification.json", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Engine", "bad-review-rectification.json")))]);

    public WorkingCalendar Calendar => StatisticsCatalog.Instance.Calendar;

    public WorkflowDefinition Definition(string id, int version) =>
        id == rectification.Latest("bad-review-rectification").Id ? rectification.Get(id, version) : StatisticsCatalog.Instance.Definition(id, version);

    public WorkflowDefinition Latest(string id) =>
        id == "bad-review-rectification" ? rectification.Latest(id) : StatisticsCatalog.Instance.Latest(id);
}
