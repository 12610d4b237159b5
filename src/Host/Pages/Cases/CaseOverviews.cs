using System.Security.Claims;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;

namespace ServiceWindow.Host.Pages.Cases;

/// Reads a case for its page through the API's reading (so the same masking and the same
/// full-view audit apply), adding the engine state the API does not show: the clock read now,
/// its pauses and extensions, the pending timers and the actions allowed with their inputs.
public sealed class CaseOverviews(CaseReading reading, CaseQueries queries, IWorkflowCatalog catalog, TimeProvider clock)
{
    public async Task<CaseOverview> ReadAsync(ClaimsPrincipal user, Guid id, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var detail = await reading.DetailAsync(user, id, cancellationToken);
        var history = await reading.HistoryAsync(user, id, cancellationToken);
        var summary = await queries.FindAsync(id, user.CaseScope(), cancellationToken) ?? throw new CaseNotFoundException(id);
        var state = CaseStateJson.Deserialize(summary.StateJson);
        var definition = catalog.Definition(summary.DefinitionId, summary.DefinitionVersion);
        var stage = definition.Stages.FirstOrDefault(s => s.Id == summary.Stage);
        // The detail already lists the allowed actions by the reader's roles; the page needs their inputs too.
        var actions = stage is null ? [] : detail.Actions.Select(a => stage.FindAction(a)).OfType<ServiceWindow.Workflows.Definitions.ActionDefinition>().ToList();
        return new CaseOverview(detail, history, definition, state, state.Clock?.Snapshot(catalog.Calendar, now, definition.Warnings), actions, now);
    }
}
