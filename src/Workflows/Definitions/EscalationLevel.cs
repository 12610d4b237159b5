using System.Collections.Generic;
using ServiceWindow.Workflows.Accountability;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Workflows.Definitions;

/// <summary>
/// One rung of the escalation ladder: at a warning moment plus <paramref name="After"/>, notify roles and
/// optionally open a finding. Fires once per case and clock episode.
/// </summary>
public sealed record EscalationLevel(
    int Level,
    TimerAnchor At,
    TimeLimit After,
    IReadOnlyList<Notification> Notify,
    FindingKind? Finding);
