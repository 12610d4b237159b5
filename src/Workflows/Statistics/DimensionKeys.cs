namespace ServiceWindow.Workflows.Statistics;

/// <summary>Where one counted thing belongs in each dimension; a null key is counted under "" (unknown).</summary>
/// <param name="Department">The department id.</param>
/// <param name="Window">The window id.</param>
/// <param name="Staff">The staff id.</param>
/// <param name="Item">The service item code.</param>
public readonly record struct DimensionKeys(string? Department, string? Window, string? Staff, string? Item)
{
    /// <summary>The key in <paramref name="dimension"/>: "" when unknown, and "" for every row of the total.</summary>
    public string KeyIn(StatisticsDimension dimension) => dimension switch
    {
        StatisticsDimension.Department => Department ?? "",
        StatisticsDimension.Window => Window ?? "",
        StatisticsDimension.Staff => Staff ?? "",
        StatisticsDimension.Item => Item ?? "",
        _ => "",
    };
}
