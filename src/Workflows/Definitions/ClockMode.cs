namespace ServiceWindow.Workflows.Definitions;

/// <summary>What the service clock does while a case sits in a stage.</summary>
public enum ClockMode
{
    /// <summary>The case is off the clock: not yet accepted, or (once accepted) completed.</summary>
    Stopped,

    /// <summary>The clock runs; entering the first running stage is the acceptance that starts it.</summary>
    Running,

    /// <summary>The clock is paused (supplement, special stage that does not count).</summary>
    Paused,
}
