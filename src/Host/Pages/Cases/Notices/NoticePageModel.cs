using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceWindow.Persistence.Cases;

namespace ServiceWindow.Host.Pages.Cases.Notices;

/// A printed notice of one case (A4, office name and seal area, see css/print.css). A notice that
/// does not apply to the case (no supplement requested, not refused, never extended) is not found.
[Authorize(Roles = "clerk,handler,section_chief,leader,efficiency_office")]
public abstract class NoticePageModel(CaseNotices notices) : PageModel
{
    public NoticeFacts Notice { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            Notice = await notices.ReadAsync(User, id, cancellationToken);
        }
        catch (CaseNotFoundException)
        {
            return NotFound();
        }
        if (!Applies(Notice))
        {
            return NotFound();
        }
        Prepare();
        return Page();
    }

    protected abstract bool Applies(NoticeFacts notice);

    protected virtual void Prepare()
    {
    }
}
