using ServiceWindow.Host.Pages.Queue;

namespace ServiceWindow.Web.Tests.Queue;

public sealed class RemainingTimeTests
{
    // The national office day: 09:00-12:00 and 13:30-17:30, 420 minutes.
    private const int OfficeDay = 420;

    [Fact]
    public void Describe_GivesDaysAndHours_WhenMoreThanADayLeft() =>
        Assert.Equal(("Queue.RemainingDaysHours", 2L, 3L), RemainingTime.Describe(2 * 420 + 3 * 60 + 10, OfficeDay));

    [Fact]
    public void Describe_GivesHoursAndMinutes_WhenLessThanADayLeft() =>
        Assert.Equal(("Queue.RemainingHours", 6L, 59L), RemainingTime.Describe(419, OfficeDay));

    [Fact]
    public void Describe_GivesOverdueTime_WhenDeadlinePassed() =>
        Assert.Equal(("Queue.OverdueDaysHours", 1L, 0L), RemainingTime.Describe(-(420 + 5), OfficeDay));
}
