namespace ServiceWindow.Web.Tests.Security;

/// A page route and the roles that may open it; none means anyone, signed in or not. A route of one
/// case names it by what <see cref="HostileOffice"/> planted: `{extended}` (accepted, extension
/// approved), `{supplement}` (waiting for materials) or `{refused}`.
public sealed record UiRoute(string Path, params string[] Roles)
{
    public bool IsPublic => Roles.Length == 0;

    public string For(HostileCase planted) => Path
        .Replace("{extended}", planted.ExtendedId.ToString(), StringComparison.Ordinal)
        .Replace("{supplement}", planted.SupplementId.ToString(), StringComparison.Ordinal)
        .Replace("{refused}", planted.RefusedId.ToString(), StringComparison.Ordinal);
}
