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
    /// The current stage's own timers (a referral's acknowledgement, a notice period) that are pending;
    /// the engine's escalation and inaction timers show as warnings, not as dates to count down to.
    public IReadOnlyList<PendingTimer> StageTimers =>
        Definition.Stages.FirstOrDefault(s => s.Id == State.Stage) is { } stage && !State.IsClosed
            ? State.Timers.Where(t => stage.Timers.Any(d => d.Id == t.Name)).OrderBy(t => t.DueAt).ToList()
            : [];

    public string StageName(string? stageId) =>
        stageId is null ? "" : Definition.Stages.FirstOrDefault(s => s.Id == stageId) is { } stage ? Shared.Localized.Text(stage.Name) : stageId;

    public string MaterialName(string id) =>
        Definition.Item.Materials.FirstOrDefault(m => m.Id == id) is { } material ? Shared.Localized.Text(material.Name) : id;
}
