using System.Security.Claims;
using ServiceWindow.Host.Api.Cases;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Host.Pages.Queue;

/// A person's queue for the page: the same cases as `GET /api/v1/queues/mine`, each with its clock
/// read now, so the page can say how much working time is left.
public sealed class QueueRows(CaseQueries queries, CaseViews views, IWorkflowCatalog catalog, TimeProvider clock)
{
    public async Task<IReadOnlyList<QueueRow>> ReadAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var cases = await queries.QueueAsync(user.StaffId(), cancellationToken);
        // The store orders by promised deadline; a paused clock keeps its remaining time, so order by that.
        return cases.Select(summary => new QueueRow(views.ListItem(summary, now), Read(summary, now)))
            .OrderBy(row => row.Clock is null)
            .ThenBy(row => row.Clock?.WorkingMinutesRemaining ?? 0)
            .ToList();
    }

    private ClockSnapshot? Read(CaseSummary summary, DateTimeOffset now)
    {
        var state = CaseStateJson.Deserialize(summary.StateJson);
        var definition = catalog.Definition(summary.DefinitionId, summary.DefinitionVersion);
        return state.Clock?.Snapshot(catalog.Calendar, now, definition.Warnings);
    }
}
