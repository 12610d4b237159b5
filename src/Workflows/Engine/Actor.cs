using System.Collections.Generic;
using System;

namespace ServiceWindow.Workflows.Engine;

/// <summary>Who takes an action: a staff id and the roles they hold. Timers act as <see cref="System"/>.</summary>
public sealed record Actor
{
    /// <summary>Creates an actor.</summary>
    public Actor(string id, IReadOnlySet<string> roles)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(roles);
        Id = id;
        Roles = roles;
    }

    /// <summary>The actor timers and recomputations act as.</summary>
    public static Actor System { get; } = new("system", new HashSet<string>([Definitions.Roles.System], StringComparer.Ordinal));

    /// <summary>The staff id.</summary>
    public string Id { get; }

    /// <summary>The roles held; any one allowed by an action suffices.</summary>
    public IReadOnlySet<string> Roles { get; }

    /// <summary>A staff actor holding the given roles.</summary>
    public static Actor Staff(string id, params string[] roles) => new(id, new HashSet<string>(roles, StringComparer.Ordinal));
}
