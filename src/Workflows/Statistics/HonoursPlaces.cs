using System.Collections.Generic;

namespace ServiceWindow.Workflows.Statistics;

/// <summary>
/// How many red-flag windows (红旗窗口) and service stars (服务标兵) a quarter names, from the deployment's
/// configuration (`ServiceWindow:Honours`). Candidates sharing the last place are all named, so a tie may
/// name more.
/// </summary>
public sealed record HonoursPlaces
{
    /// <summary>Places for red-flag windows; bulletins commonly name five.</summary>
    public int RedFlagWindows { get; init; } = 5;

    /// <summary>Places for service stars.</summary>
    public int ServiceStars { get; init; } = 5;

    /// <summary>What is wrong with these places, by property name; empty when they can be used. Zero names nobody.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (RedFlagWindows < 0)
        {
            problems.Add($"{nameof(RedFlagWindows)} must not be negative (is {RedFlagWindows})");
        }
        if (ServiceStars < 0)
        {
            problems.Add($"{nameof(ServiceStars)} must not be negative (is {ServiceStars})");
        }
        return problems;
    }
}
