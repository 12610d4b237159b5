using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests.Engine;

public sealed class RecomputeDeadlinesTests
{
    private static readonly WorkingCalendar With2027 = Calendars.CnMainland.WithYear(
        new CalendarYear(2027, [new Holiday("元旦", Calendars.Date("2027-01-01"), Calendars.Date("2027-01-01"))], []));

    private static CaseDriver AcceptedInDecember2026()
    {
        var driver = CaseDriver.For("minimum-living-allowance", "2026-12-01T10:00:00+08:00");
        driver.Open("apply", Staff.Clerk, ("applicant", "Li Hua"), ("household_size", "3"));
        driver.Do("accept", Staff.Clerk, ("handler", Staff.Handler.Id));
        return driver;
    }

    [Fact]
    public void RecomputeDeadlines_MovesProvisionalDeadlinesAndTimers_WhenTheNextYearIsLoaded()
    {
        var driver = AcceptedInDecember2026();
        // Past the covered years only weekends are known: 30 working days end on 12 January 2027, provisionally.
        Assert.True(driver.State.DeadlinesProvisional);
        Assert.Equal(Calendars.Instant("2027-01-12T17:30:00+08:00"), driver.State.PromisedDue);
        var red = driver.State.Timers.Single(t => t.Name == "escalation.2");
        Assert.True(red.Provisional);

        var result = new WorkflowEngine().RecomputeDeadlines(driver.Definition, driver.Calendar, With2027, driver.State, Calendars.Instant("2026-12-05T09:00:00+08:00"));

        Assert.False(result.State.DeadlinesProvisional);
        Assert.Equal(Calendars.Instant("2027-01-13T17:30:00+08:00"), result.State.PromisedDue);
        var entry = Assert.Single(result.History);
        Assert.Equal(HistoryKinds.DeadlinesRecomputed, entry.Kind);
        Assert.Equal(driver.State.HistoryLength + 1, entry.Sequence);
        Assert.Equal("Recomputed", entry.Data["promised_outcome"]);
        Assert.StartsWith("2027-01-12", entry.Data["promised_before"], StringComparison.Ordinal);
        Assert.StartsWith("2027-01-13", entry.Data["promised_after"], StringComparison.Ordinal);
        Assert.Contains(result.Effects, e => e is CancelTimer c && c.Key == red.Key);
        Assert.Contains(result.Effects, e => e is ScheduleTimer s && s.Key == red.Key && s.DueAt == Calendars.Instant("2027-01-13T17:30:01+08:00"));
        Assert.Equal(driver.State.Version + 1, result.State.Version);
    }

    [Fact]
    public void RecomputeDeadlines_ReturnsEmpty_WhenNothingMoves()
    {
        var driver = CaseDriver.For("minimum-living-allowance", "2025-03-03T10:00:00+08:00");
        driver.Open("apply", Staff.Clerk, ("applicant", "Li Hua"), ("household_size", "3"));
        driver.Do("accept", Staff.Clerk, ("handler", Staff.Handler.Id));

        var result = new WorkflowEngine().RecomputeDeadlines(driver.Definition, driver.Calendar, With2027, driver.State, driver.Now);

        Assert.True(result.IsEmpty);
        Assert.Same(driver.State, result.State);
    }
}
