using System.Security.Claims;

namespace ServiceWindow.Host.Pages.Shared;

/// The menu, one slot per page: the signed-in user's role claims decide which slots show.
/// A new page adds its line here.
public static class RoleMenu
{
    public static readonly IReadOnlyList<MenuEntry> Entries =
    [
        new("/guide", "Menu.Guide", Roles()),
        new("/hall", "Menu.Hall", Roles()),
        new("/lookup", "Menu.Lookup", Roles()),
        new("/desk", "Menu.Desk", Roles("clerk", "handler")),
        new("/queue", "Menu.Queue", Roles("clerk", "handler", "section_chief", "leader")),
        new("/board", "Menu.Board", Roles("section_chief", "leader", "efficiency_office")),
        new("/statistics", "Menu.Statistics", Roles("efficiency_office", "leader", "section_chief")),
        new("/admin/definitions", "Menu.Definitions", Roles("admin")),
        new("/admin/calendars", "Menu.Calendars", Roles("admin")),
        new("/admin/users", "Menu.Users", Roles("admin")),
    ];

    public static IReadOnlyList<MenuEntry> For(ClaimsPrincipal user)
    {
        var roles = user.Identity?.IsAuthenticated == true
            ? user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList()
            : [];
        return Entries.Where(e => e.VisibleTo(roles)).ToList();
    }

    private static HashSet<string> Roles(params string[] roles) => new(roles, StringComparer.Ordinal);
}
