using ServiceWindow.Workflows.Clock;
using static ServiceWindow.Workflows.Tests.Support.Calendars;

namespace ServiceWindow.Workflows.Tests.Clock;

public sealed class DeadlineCalculatorTests
{
    [Theory]
    [InlineData("2025-09-26T10:00:00+08:00", "5wd", "2025-10-10T17:30:00+08:00", "National Day block with make-up Sunday 09-28 inside the period")]
    public void Due_EndsAtOfficeClose_WhenWorkingDays(string start, string limit, string expected, string edge)
    {
        var due = DeadlineCalculator.Due(CnMainland, Instant(start), TimeLimit.Parse(limit));

        Assert.True(Instant(expected) == due.Due && due.Due.Offset == TimeSpan.FromHours(8), $"{edge}: got {due.Due:O}");
        Assert.False(due.Provisional);
    }
}
