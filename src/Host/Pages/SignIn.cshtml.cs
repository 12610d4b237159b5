using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ServiceWindow.Host.Resources;
using ServiceWindow.Host.Security;

namespace ServiceWindow.Host.Pages;

/// The staff sign-in behind the form on `/`, and sign-out. A refused attempt shows the form again
/// here; a wrong login and a wrong password read the same, so a guesser learns nothing from them.
public sealed class SignInModel(CookieSignIn signIn, IStringLocalizer<DeskText> text) : PageModel
{
    public SignInForm Form { get; private set; } = SignInForm.Empty;

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SignInStartPage.For(User)) : Page();

    public async Task<IActionResult> OnPostAsync(string? login, string? password, bool remember)
    {
        login = login?.Trim();
        if (string.IsNullOrEmpty(login) || string.IsNullOrEmpty(password) || login.Length > 64 || password.Length > 256)
        {
            Form = new SignInForm(login, text["SignIn.Required"]);
            return Page();
        }
        var outcome = await signIn.SignInAsync(HttpContext, login, password, remember);
        if (outcome != SignInOutcome.Succeeded)
        {
            Form = new SignInForm(login, Message(outcome));
            return Page();
        }
        // The new cookie is read on the next request; the start page follows from the account's roles.
        return LocalRedirect("/signin");
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await signIn.SignOutAsync(HttpContext);
        return LocalRedirect("/");
    }

    private string Message(SignInOutcome outcome) => outcome switch
    {
        SignInOutcome.LockedOut => text["SignIn.LockedOut", (int)UserAccounts.LockoutDuration.TotalMinutes],
        SignInOutcome.Disabled => text["SignIn.Disabled"],
        _ => text["SignIn.Failed"],
    };
}
