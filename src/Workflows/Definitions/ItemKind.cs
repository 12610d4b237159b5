namespace ServiceWindow.Workflows.Definitions;

/// <summary>Whether a service item is completed in the same visit or carries a promised limit.</summary>
public enum ItemKind
{
    /// <summary>即办件: due by office close on the acceptance day.</summary>
    Immediate,

    /// <summary>承诺件: due by the promised limit.</summary>
    Promised,
}
