using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceWindow.Host.Pages;

/// The start page with the staff sign-in form; a signed-in user goes on to the start page of their roles.
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SignInStartPage.For(User)) : Page();
}
