using Microsoft.AspNetCore.Mvc;
using ServiceWindow.Host.Calendars;
using ServiceWindow.Host.Security;

namespace ServiceWindow.Host.Pages.Admin.Calendars;

/// The layout's warning on every staff page that next year's calendar is missing (the rule is
/// <see cref="NextYearCalendar"/>): deadlines reaching into that year are only provisional.
public sealed class CalendarWarningViewComponent(DeploymentCalendar calendar, TimeProvider clock) : ViewComponent
{
    public const string Name = "CalendarWarning";

    public IViewComponentResult Invoke()
    {
        var staff = UserClaimsPrincipal.Identity?.IsAuthenticated == true && StaffRoles.All.Any(UserClaimsPrincipal.IsInRole);
        var now = clock.GetUtcNow();
        if (!staff || !NextYearCalendar.IsMissing(calendar.Current, now))
        {
            return Content("");
        }
        return View("/Pages/Admin/Calendars/CalendarWarning.cshtml",
            new CalendarWarning(NextYearCalendar.NextYear(calendar.Current, now), UserClaimsPrincipal.IsInRole(StaffRoles.Admin)));
    }
}
