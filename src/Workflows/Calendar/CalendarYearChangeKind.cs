namespace ServiceWindow.Workflows.Calendar;

/// <summary>What an import does to one year.</summary>
public enum CalendarYearChangeKind
{
    /// <summary>The year was not covered and now is.</summary>
    Added,

    /// <summary>The year was covered and its dates change (only with replace).</summary>
    Replaced,

    /// <summary>The year was covered with the same dates; names or source may differ.</summary>
    Unchanged,
}
