namespace ServiceWindow.Persistence.Accountability;

/// Which part of the accountability register an export holds.
public enum RegisterKind
{
    Findings,
    Sanctions,
}
