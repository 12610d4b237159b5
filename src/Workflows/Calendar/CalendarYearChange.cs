using System.Collections.Generic;

namespace ServiceWindow.Workflows.Calendar;

/// <summary>One year's change from an import, with readable details (days added and removed).</summary>
public sealed record CalendarYearChange(int Year, CalendarYearChangeKind Kind, IReadOnlyList<string> Details)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Year}: {Kind.ToString().ToLowerInvariant()}" + (Details.Count == 0 ? "" : $" ({string.Join("; ", Details)})");
}
