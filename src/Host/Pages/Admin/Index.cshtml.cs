using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceWindow.Host.Security;

namespace ServiceWindow.Host.Pages.Admin;

/// The administrator's start: definitions, calendars, users and the background-job dashboard.
[Authorize(Roles = StaffRoles.Admin)]
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
