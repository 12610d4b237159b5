namespace ServiceWindow.Workflows.Clock;

/// <summary>Electronic-supervision warning state of a case clock.</summary>
public enum WarningLevel
{
    /// <summary>Time in hand.</summary>
    None,

    /// <summary>The remaining time has reached the yellow threshold.</summary>
    Yellow,

    /// <summary>The promised deadline has passed (overdue).</summary>
    Red,

    /// <summary>The statutory deadline has passed (a legal breach).</summary>
    StatutoryRed,
}
