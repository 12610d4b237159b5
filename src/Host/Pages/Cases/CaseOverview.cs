using ServiceWindow.Host.Api.Contracts;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Pages.Cases;

/// A case as its page shows it: the API's detail (masked unless the reader handles it), the
/// timeline, the engine's state for pauses, extensions and pending timers, the clock read now,
/// and the actions the definition allows this reader in the current stage.
public sealed record CaseOverview(
    CaseDetailResponse Detail,
    IReadOnlyList<HistoryEntryResponse> History,
    WorkflowDefinition Definition,
    CaseState State,
    ClockSnapshot? Clock,
    IReadOnlyList<ActionDefinition> Actions,
    DateTimeOffset ReadAt)
{
    public string StageName(string? stageId) =>
        stageId is null ? "" : Definition.Stages.FirstOrDefault(s => s.Id == stageId) is { } stage ? Shared.Localized.Text(stage.Name) : stageId;

    public string MaterialName(string id) =>
        Definition.Item.Materials.FirstOrDefault(m => m.Id == id) is { } material ? Shared.Localized.Text(material.Name) : id;
}
