namespace ServiceWindow.Workflows.Clock;

/// <summary>What a calendar change does to one deadline.</summary>
public enum DeadlineChangeOutcome
{
    /// <summary>The new calendar gives the same deadline.</summary>
    Unchanged,

    /// <summary>The deadline was provisional (or not yet issued) and takes the new calendar's value.</summary>
    Recomputed,

    /// <summary>The deadline was printed and not provisional: it is kept until an administrator moves it.</summary>
    Held,
}
