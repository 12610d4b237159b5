using Microsoft.AspNetCore.Authentication;

namespace ServiceWindow.Host.Security;

/// The web UI's sign-in: checks the password like the token endpoint and, when it is right, sets
/// the session cookie carrying the same claims as a bearer token.
public sealed class CookieSignIn(UserAccounts accounts)
{
    public async Task<SignInOutcome> SignInAsync(HttpContext context, string login, string password, bool remember = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await accounts.VerifyAsync(login, password, context.RequestAborted);
        if (result.User is null)
        {
            return result.Outcome;
        }
        await context.SignInAsync(SecuritySetup.CookieScheme, StaffClaims.Principal(result.User, SecuritySetup.CookieScheme),
            new AuthenticationProperties { IsPersistent = remember });
        return SignInOutcome.Succeeded;
    }

    public Task SignOutAsync(HttpContext context) => context.SignOutAsync(SecuritySetup.CookieScheme);
}
