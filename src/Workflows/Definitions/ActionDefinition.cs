using System.Collections.Generic;

namespace ServiceWindow.Workflows.Definitions;

/// <summary>An action available in a stage (or to open a case).</summary>
/// <param name="Id">The action's id, unique within its stage.</param>
/// <param name="Kind">What the action does besides moving the case.</param>
/// <param name="Roles">Roles allowed to take it (any one suffices).</param>
/// <param name="Inputs">Inputs the command must carry, non-blank.</param>
/// <param name="Target">The stage the case moves to; null keeps it where it is.</param>
/// <param name="Handler">Who becomes the responsible person: <c>actor</c>, the name of an input holding a staff id, or null for no change.</param>
/// <param name="Notify">Notices sent when the action is taken.</param>
public sealed record ActionDefinition(
    string Id,
    ActionKind Kind,
    IReadOnlySet<string> Roles,
    IReadOnlyList<string> Inputs,
    string? Target,
    string? Handler,
    IReadOnlyList<Notification> Notify);
