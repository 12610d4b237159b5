using System.Collections.Generic;
using ServiceWindow.Workflows.Accountability;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Workflows.Definitions;

/// <summary>
/// A stage timer: fires <paramref name="After"/> past its <paramref name="Anchor"/> while the case is in
/// the stage, then moves the case to <paramref name="Target"/>, opens a finding and/or sends notices.
/// </summary>
public sealed record TimerDefinition(
    string Id,
    TimerAnchor Anchor,
    TimeLimit After,
    string? Target,
    FindingKind? Finding,
    IReadOnlyList<Notification> Notify);
