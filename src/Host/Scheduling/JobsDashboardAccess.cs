using System.Security.Claims;
using Hangfire.Dashboard;

namespace ServiceWindow.Host.Scheduling;

/// Who may see the jobs dashboard at `/jobs`: `admin` may trigger and delete, the efficiency office
/// reads only, any other user is refused (Hangfire answers 403, or 401 without a user). Never
/// Hangfire's own local-request filter: it trusts any 127.x peer, which lets everyone in behind a
/// reverse proxy on the same machine.
public sealed class JobsDashboardAccess : IDashboardAsyncAuthorizationFilter
{
    public const string AdminRole = "admin";
    public const string EfficiencyOfficeRole = "efficiency_office";

    public Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return Task.FromResult(user.Identity?.IsAuthenticated == true
            && (user.HasClaim(ClaimTypes.Role, AdminRole) || user.HasClaim(ClaimTypes.Role, EfficiencyOfficeRole)));
    }

    /// Only an admin changes anything.
    public static bool IsReadOnly(DashboardContext context) =>
        !context.GetHttpContext().User.HasClaim(ClaimTypes.Role, AdminRole);
}
