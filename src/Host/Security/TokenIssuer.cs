using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using ServiceWindow.Persistence.Users;

namespace ServiceWindow.Host.Security;

/// Issues bearer tokens: the bearer scheme's own protected ticket (Data Protection), so the
/// framework's handler reads and expires them; only the answer's shape is ours.
public sealed class TokenIssuer(IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock)
{
    public (string Token, DateTimeOffset ExpiresAt) Issue(UserRecord user)
    {
        var settings = options.Get(SecuritySetup.BearerScheme);
        var now = clock.GetUtcNow();
        var expiresAt = now + settings.BearerTokenExpiration;
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = expiresAt };
        var ticket = new AuthenticationTicket(StaffClaims.Principal(user, SecuritySetup.BearerScheme), properties, SecuritySetup.BearerScheme);
        return (settings.BearerTokenProtector.Protect(ticket), expiresAt);
    }
}
