namespace ServiceWindow.Workflows.Engine;

/// <summary>The kinds of <see cref="HistoryEntry"/>.</summary>
public static class HistoryKinds
{
    /// <summary>A case was opened by a start action.</summary>
    public const string Opened = "opened";

    /// <summary>A staff action was taken.</summary>
    public const string Action = "action";

    /// <summary>A stage timer fired.</summary>
    public const string Timer = "timer";

    /// <summary>An escalation level fired.</summary>
    public const string Escalation = "escalation";

    /// <summary>The case sat untouched past the inaction limit.</summary>
    public const string Inaction = "inaction";

    /// <summary>The case reached a terminal stage; data carries the timing against both deadlines.</summary>
    public const string Completed = "completed";

    /// <summary>An extension was asked after the deadline and refused; the case stays overdue.</summary>
    public const string ExtensionRefused = "extension_refused";

    /// <summary>Deadlines or timers changed after a calendar update.</summary>
    public const string DeadlinesRecomputed = "deadlines_recomputed";
}
