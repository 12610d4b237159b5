using System.Security.Claims;
using ServiceWindow.Persistence.Queries;
using ServiceWindow.Persistence.Users;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Security;

/// The claims a signed-in staff member carries, the same for a bearer token and a cookie:
/// NameIdentifier = staff id, Name = display name, one Role claim per role, and their window and
/// department, from which case visibility follows.
public static class StaffClaims
{
    public const string Window = "servicewindow:window";
    public const string Department = "servicewindow:department";

    public static ClaimsPrincipal Principal(UserRecord user, string authenticationType)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, user.Login),
            new(ClaimTypes.Name, user.DisplayName),
            new(Department, user.DepartmentId),
        };
        if (user.WindowId is not null)
        {
            claims.Add(new Claim(Window, user.WindowId));
        }
        claims.AddRange(user.Roles.Select(role => new Claim(ClaimTypes.Role, role)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }

    public static string StaffId(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("the request is not signed in");

    public static Actor Actor(this ClaimsPrincipal user) =>
        ServiceWindow.Workflows.Engine.Actor.Staff(user.StaffId(), user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray());

    /// Efficiency office and leaders see every case; a section chief their department's; everyone
    /// else their own and their window's.
    public static CaseScope CaseScope(this ClaimsPrincipal user)
    {
        var staffId = user.StaffId();
        if (user.IsInRole(StaffRoles.EfficiencyOffice) || user.IsInRole(StaffRoles.Leader))
        {
            return Persistence.Queries.CaseScope.All(staffId);
        }
        return new CaseScope(false, staffId, user.FindFirstValue(Window),
            user.IsInRole(StaffRoles.SectionChief) ? user.FindFirstValue(Department) : null);
    }
}
