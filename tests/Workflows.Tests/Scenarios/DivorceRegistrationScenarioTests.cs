using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests.Scenarios;

/// 离婚登记: 30 calendar days' cooling-off from the day after acceptance (withdrawal possible), then 30 days
/// for both parties to appear, else deemed withdrawn; a last day on a holiday moves to the next working day.
public sealed class DivorceRegistrationScenarioTests
{
    private static CaseDriver Applied(string at)
    {
        var driver = CaseDriver.For("divorce-registration", at);
        driver.Open("apply", Staff.Clerk, ("party_a", "Wang Fang"), ("party_b", "Zhou Lei"));
        return driver;
    }

    [Fact]
    public void CoolingOff_EndingOnNationalDay_MovesToTheNextWorkingDay_ThenDeemedWithdrawnAfter30More()
    {
        var driver = Applied("2025-09-01T10:00:00+08:00");
        // 1 October is a holiday (1-8 October 2025); the period ends at close on Thursday 9 October.
        Assert.Equal(Calendars.Instant("2025-10-09T17:30:00+08:00"), driver.State.Timers.Single().DueAt);
        Assert.Null(driver.State.Clock);
        Assert.Contains(driver.Notices, n => n.Template == "divorce.receipt");

        driver.AdvanceTo("2025-10-10T09:00:00+08:00");
        Assert.Equal("awaiting_appearance", driver.State.Stage);
        // 30 days after 9 October is Saturday 8 November: moved to Monday 10 November.
        Assert.Equal(Calendars.Instant("2025-11-10T17:30:00+08:00"), driver.State.Timers.Single().DueAt);

        driver.AdvanceTo("2025-11-11T09:00:00+08:00");

        Assert.Equal("deemed_withdrawn", driver.State.Outcome);
        Assert.Null(driver.State.Completion);
        Assert.Contains(driver.Notices, n => n.Template == "divorce.deemed_withdrawn" && n.Recipient == "applicant");
        Assert.Empty(driver.Scheduled);
    }

    [Fact]
    public void Withdrawal_DuringCoolingOff_ClosesTheCaseAndCancelsTheTimer()
    {
        var driver = Applied("2025-03-03T10:00:00+08:00");
        var coolingOff = driver.State.Timers.Single();
        driver.AdvanceTo("2025-03-20T10:00:00+08:00");

        driver.Do("withdraw", Staff.Clerk, ("withdrawn_by", "party_b"));

        Assert.Equal("withdrawn", driver.State.Outcome);
        Assert.Contains(driver.Effects, e => e is CancelTimer c && c.Key == coolingOff.Key);
        Assert.True(driver.Fire(coolingOff.Key).IsEmpty);
    }

    [Fact]
    public void Withdrawal_AfterCoolingOff_IsRefusedAsWrongStage()
    {
        var driver = Applied("2025-03-03T10:00:00+08:00");
        driver.AdvanceTo("2025-04-03T10:00:00+08:00");

        var refused = driver.Refused("withdraw", Staff.Clerk, ("withdrawn_by", "party_b"));

        Assert.Equal(RefusalKind.WrongStage, refused.Kind);
        Assert.Equal("awaiting_appearance", refused.Stage);
    }

    [Fact]
    public void Appearance_WithinThePeriod_IsRegisteredTheSameDayOnTheClock()
    {
        var driver = Applied("2025-03-03T10:00:00+08:00");
        driver.AdvanceTo("2025-04-10T09:30:00+08:00");

        driver.Do("appear", Staff.Clerk);
        Assert.Equal(Calendars.Instant("2025-04-10T17:30:00+08:00"), driver.State.PromisedDue);
        driver.Clock.Advance(TimeSpan.FromMinutes(40));
        driver.Do("register", Staff.Clerk, ("certificate_number", "L110101-2025-000045"));

        Assert.Equal("registered", driver.State.Outcome);
        Assert.Equal(ClockState.Stopped, driver.State.Clock!.State);
        Assert.Equal(CompletionTiming.OnTime, driver.State.Completion!.AgainstPromised);
    }
}
