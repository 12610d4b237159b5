namespace ServiceWindow.Persistence.Statistics;

/// How a monthly report is written out.
public enum StatisticsFormat
{
    Table,
    Csv,
    Json,
    Xlsx,
}
