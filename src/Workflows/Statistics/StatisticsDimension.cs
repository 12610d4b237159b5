namespace ServiceWindow.Workflows.Statistics;

/// <summary>What the monthly figures are grouped by. <see cref="Total"/> is the one row of the whole office.</summary>
public enum StatisticsDimension
{
    /// <summary>By department (科室).</summary>
    Department,

    /// <summary>By window (窗口).</summary>
    Window,

    /// <summary>By staff member: the case's responsible person, the rated or complained-of person.</summary>
    Staff,

    /// <summary>By service item code.</summary>
    Item,

    /// <summary>One row for the whole office.</summary>
    Total,
}
