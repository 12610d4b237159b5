namespace ServiceWindow.Host.Pages.Shared;

/// One link of the main menu, shown to anyone (no roles) or to holders of any of the roles.
public sealed record MenuEntry(string Path, string TextKey, IReadOnlySet<string> Roles)
{
    public bool VisibleTo(IEnumerable<string> roles) => Roles.Count == 0 || roles.Any(Roles.Contains);
}
