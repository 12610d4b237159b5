using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Host.Pages.Queue;

/// My queue: the signed-in person's open cases, least working time left first. The rows refresh
/// themselves through the Rows handler, a partial of this page, so the countdown stays current.
[Authorize(Roles = "clerk,handler,section_chief,leader")]
public sealed class IndexModel(QueueRows queue, IWorkflowCatalog catalog, TimeProvider clock) : PageModel
{
    public IReadOnlyList<QueueRow> Rows { get; private set; } = [];

    public DateTimeOffset ReadAt { get; private set; }

    public OfficeHours OfficeHours => catalog.Calendar.OfficeHours;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ReadAsync(cancellationToken);

    public async Task<PartialViewResult> OnGetRowsAsync(CancellationToken cancellationToken)
    {
        await ReadAsync(cancellationToken);
        return Partial("_QueueRows", this);
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        ReadAt = clock.GetUtcNow();
        Rows = await queue.ReadAsync(User, cancellationToken);
    }
}
