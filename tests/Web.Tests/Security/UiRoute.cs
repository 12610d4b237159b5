namespace ServiceWindow.Web.Tests.Security;

/// A page route and the roles that may open it; none means anyone, signed in or not.
public sealed record UiRoute(string Path, params string[] Roles)
{
    public bool IsPublic => Roles.Length == 0;
}
