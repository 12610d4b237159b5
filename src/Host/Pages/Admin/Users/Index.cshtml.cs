using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ServiceWindow.Host.Security;
using ServiceWindow.Persistence.Users;

namespace ServiceWindow.Host.Pages.Admin.Users;

/// Sign-in accounts and their roles for the administrator: list, add (or replace), disable; the
/// accounts service the API and `users add|list|disable` use.
[Authorize(Roles = StaffRoles.Admin)]
public sealed class IndexModel(UserAccounts accounts, TimeProvider clock) : PageModel
{
    public IReadOnlyList<UserRecord> Users { get; private set; } = [];

    public DateTimeOffset Now => clock.GetUtcNow();

    /// A text key of AdminText saying what the last post did or why it was refused.
    public string? Outcome { get; private set; }

    public bool Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Users = await accounts.ListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(string? login, string? name, string[]? roles, string? window, string? password,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(login) || string.IsNullOrWhiteSpace(name) || roles is not { Length: > 0 } || password is null
            || login.Length > 64 || name.Length > 50 || password.Length > 200)
        {
            (Outcome, Refused) = ("Users.Incomplete", true);
        }
        else
        {
            try
            {
                await accounts.AddAsync(login.Trim(), name.Trim(), roles, password, string.IsNullOrWhiteSpace(window) ? null : window.Trim(),
                    cancellationToken: cancellationToken);
                Outcome = "Users.Added";
            }
            catch (ArgumentException)
            {
                (Outcome, Refused) = ("Users.Invalid", true);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == "23503")
            {
                (Outcome, Refused) = ("Users.UnknownWindow", true);
            }
        }
        Users = await accounts.ListAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(string? login, CancellationToken cancellationToken)
    {
        (Outcome, Refused) = login is not null && await accounts.DisableAsync(login, cancellationToken) ? ("Users.Disabled", false) : ("Users.NotFound", true);
        Users = await accounts.ListAsync(cancellationToken);
        return Page();
    }
}
