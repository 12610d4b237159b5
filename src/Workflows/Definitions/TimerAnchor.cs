namespace ServiceWindow.Workflows.Definitions;

/// <summary>The moment a timer or escalation level counts from.</summary>
public enum TimerAnchor
{
    /// <summary>The case entered the stage.</summary>
    StageEntry,

    /// <summary>The remaining time reached the yellow threshold.</summary>
    Yellow,

    /// <summary>The promised deadline (red).</summary>
    Red,

    /// <summary>The statutory deadline (statutory red).</summary>
    StatutoryRed,
}
