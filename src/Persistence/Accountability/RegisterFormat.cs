namespace ServiceWindow.Persistence.Accountability;

/// The file an accountability register export is written as.
public enum RegisterFormat
{
    Csv,
    Xlsx,
}
