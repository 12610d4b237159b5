using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Demo;

/// A member of the demo organisation (<see cref="DemoOrganisation"/>) as the engine sees them.
public sealed record DemoPerson(string Id, string WindowId, params string[] Roles)
{
    public Actor Actor { get; } = new(Id, new HashSet<string>(Roles, StringComparer.Ordinal));
}
