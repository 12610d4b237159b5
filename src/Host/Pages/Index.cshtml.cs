using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceWindow.Host.Pages;

/// The start page; the sign-in form takes its place once staff sign in.
public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
