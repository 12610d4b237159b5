using System.Net;
using System.Security.Claims;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;

namespace ServiceWindow.Host.Scheduling;

/// Who may see the jobs dashboard at `/jobs`: `admin` may trigger and delete, the efficiency office
/// reads only, any other user is refused (Hangfire answers 403, or 401 without a user). Until an
/// authentication scheme is registered, only a loopback request without proxy headers may read:
/// Hangfire's own local-request filter trusts any 127.x peer, which lets everyone in behind a
/// reverse proxy on the same machine.
public sealed class JobsDashboardAccess : IDashboardAsyncAuthorizationFilter
{
    public const string AdminRole = "admin";
    public const string EfficiencyOfficeRole = "efficiency_office";

    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated == true)
        {
            return http.User.HasClaim(ClaimTypes.Role, AdminRole) || http.User.HasClaim(ClaimTypes.Role, EfficiencyOfficeRole);
        }
        return !await HasAuthenticationAsync(http) && IsDirectLoopback(http);
    }

    /// Only an admin changes anything; the local fallback reads only.
    public static bool IsReadOnly(DashboardContext context) =>
        !context.GetHttpContext().User.HasClaim(ClaimTypes.Role, AdminRole);

    private static async Task<bool> HasAuthenticationAsync(HttpContext http) =>
        http.RequestServices.GetService<IAuthenticationSchemeProvider>() is { } schemes
        && (await schemes.GetAllSchemesAsync()).Any();

    private static bool IsDirectLoopback(HttpContext http) =>
        http.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote)
        && !http.Request.Headers.ContainsKey("X-Forwarded-For") && !http.Request.Headers.ContainsKey("Forwarded");
}
