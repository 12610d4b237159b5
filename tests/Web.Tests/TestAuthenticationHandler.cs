using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ServiceWindow.Web.Tests;

/// Signs a request in as the staff member its test headers name, with the claims the sign-in
/// branch issues: NameIdentifier = staff id, one Role claim per role. No header: the sign-in cookie, if any.
public sealed class TestAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Test";
    public const string StaffHeader = "X-Test-Staff";
    public const string RolesHeader = "X-Test-Roles";
    public const string DepartmentHeader = "X-Test-Department";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers[StaffHeader] is not [{ Length: > 0 } staff])
        {
            // Without the test headers the request is whoever the real sign-in cookie says.
            return Context.AuthenticateAsync(ServiceWindow.Host.Security.SecuritySetup.CookieScheme);
        }
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, staff) };
        claims.AddRange(Request.Headers[RolesHeader].ToString()
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(role => new Claim(ClaimTypes.Role, role)));
        if (Request.Headers[DepartmentHeader] is [{ Length: > 0 } department])
        {
            claims.Add(new Claim(ServiceWindow.Host.Security.StaffClaims.Department, department));
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    // Nobody signed in: the real cookie scheme answers, so a page sends a browser to the sign-in
    // page and anything not asking for HTML gets 401, as in production.
    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        Request.Headers.ContainsKey(StaffHeader)
            ? base.HandleChallengeAsync(properties)
            : Context.ChallengeAsync(ServiceWindow.Host.Security.SecuritySetup.CookieScheme, properties);
}
