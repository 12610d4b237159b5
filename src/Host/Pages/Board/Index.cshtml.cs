using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Accountability;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Pages.Board;

/// The supervisor board: a section chief's department, or everything for a leader and the
/// efficiency office. The cards refresh themselves through the Cards handler, a partial of this
/// page. A leader approves extensions here through CaseCommands, the efficiency office decides
/// findings through FindingRegister; each post comes back to the board with a notice.
[Authorize(Roles = "section_chief,leader,efficiency_office")]
public sealed class IndexModel(BoardReader reader, CaseQueries queries, CaseCommands commands, FindingRegister findings,
    IWorkflowCatalog catalog) : PageModel
{
    private static readonly HashSet<string> Notices = new(StringComparer.Ordinal)
    {
        "ExtensionApproved", "FindingConfirmed", "FindingDismissed", "Refused", "Stale", "NotFound", "FindingStale", "Forbidden",
    };

    /// Only the notices the board itself sends back are shown; anything else in the query is ignored.
    [BindProperty(SupportsGet = true)]
    public string? Notice { get; set; }

    public BoardView Board { get; private set; } = null!;

    public OfficeHours OfficeHours => catalog.Calendar.OfficeHours;

    public string? NoticeKey => Notice is not null && Notices.Contains(Notice) ? "Board.Notice." + Notice : null;

    public bool NoticeIsError => Notice is "Refused" or "Stale" or "NotFound" or "FindingStale" or "Forbidden";

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Board = await reader.ReadAsync(User, cancellationToken);

    public async Task<PartialViewResult> OnGetCardsAsync(CancellationToken cancellationToken)
    {
        Board = await reader.ReadAsync(User, cancellationToken);
        return Partial("_BoardCards", this);
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid caseId, long version, CancellationToken cancellationToken)
    {
        var summary = await queries.FindAsync(caseId, User.CaseScope(), cancellationToken);
        if (summary is null)
        {
            return Back("NotFound");
        }
        var roles = User.Actor().Roles;
        var stage = catalog.Definition(summary.DefinitionId, summary.DefinitionVersion).Stages.FirstOrDefault(s => s.Id == summary.Stage);
        var action = stage?.Actions.FirstOrDefault(a => a.Kind == ActionKind.ApproveExtension);
        if (action is null)
        {
            return Back("Refused");
        }
        if (!action.Roles.Overlaps(roles))
        {
            return Back("Forbidden");
        }
        try
        {
            await commands.ExecuteAsync(caseId, CaseCommand.Of(action.Id, User.Actor(), version), cancellationToken: cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            return Back("Stale");
        }
        catch (TransitionRefusedException)
        {
            return Back("Refused");
        }
        catch (CaseNotFoundException)
        {
            return Back("NotFound");
        }
        return Back("ExtensionApproved");
    }

    public Task<IActionResult> OnPostConfirmAsync(Guid findingId, CancellationToken cancellationToken) =>
        DecideAsync(findingId, confirm: true, cancellationToken);

    public Task<IActionResult> OnPostDismissAsync(Guid findingId, CancellationToken cancellationToken) =>
        DecideAsync(findingId, confirm: false, cancellationToken);

    private async Task<IActionResult> DecideAsync(Guid findingId, bool confirm, CancellationToken cancellationToken)
    {
        if (!User.IsInRole(StaffRoles.EfficiencyOffice))
        {
            return Back("Forbidden");
        }
        try
        {
            if (confirm)
            {
                await findings.ConfirmAsync(findingId, User.StaffId(), cancellationToken);
            }
            else
            {
                await findings.DismissAsync(findingId, User.StaffId(), cancellationToken);
            }
        }
        catch (FindingConflictException)
        {
            return Back("FindingStale");
        }
        return Back(confirm ? "FindingConfirmed" : "FindingDismissed");
    }

    private RedirectToPageResult Back(string notice) => RedirectToPage("/Board/Index", new { Notice = notice });
}
