namespace ServiceWindow.Workflows.Clock;

/// <summary>Whether a case clock is counting.</summary>
public enum ClockState
{
    /// <summary>Counting toward the deadlines.</summary>
    Running,

    /// <summary>Stopped for a supplement or a special stage that does not count.</summary>
    Paused,

    /// <summary>The case is complete; the clock no longer moves.</summary>
    Stopped,
}
