using System.Security.Claims;
using ServiceWindow.Host.Security;

namespace ServiceWindow.Host.Pages;

/// Where a signed-in user lands: the page of the work they do most. Someone who works cases
/// starts at their queue; the administrator at the definitions; anyone else at the hall figures.
public static class SignInStartPage
{
    public static string For(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (StaffRoles.QueueHolders.Any(user.IsInRole))
        {
            return "/queue";
        }
        return user.IsInRole(StaffRoles.Admin) ? "/admin/definitions" : "/hall";
    }
}
