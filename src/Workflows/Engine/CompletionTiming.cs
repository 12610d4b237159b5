namespace ServiceWindow.Workflows.Engine;

/// <summary>How a completion stands against one deadline.</summary>
public enum CompletionTiming
{
    /// <summary>At least one working day before the deadline (提前办结).</summary>
    Early,

    /// <summary>On or before the deadline, less than a working day ahead.</summary>
    OnTime,

    /// <summary>After the deadline.</summary>
    Overdue,
}
