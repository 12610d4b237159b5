using ServiceWindow.Workflows.Engine;
using ServiceWindow.Workflows.Engine.Timers;
using ServiceWindow.Workflows.Tests.Support;

namespace ServiceWindow.Workflows.Tests.Engine;

/// The ladder of minimum-living-allowance (30wd promised, accepted Monday 2025-03-03 10:00): level 1 at
/// yellow, 20% of 30 = 6 working days before the 15 April deadline, i.e. office open on Monday 7 April
/// (4-6 April is the Qingming holiday).
public sealed class EscalationLadderTests
{
    private static CaseDriver Accepted()
    {
        var driver = CaseDriver.For("minimum-living-allowance", "2025-03-03T10:00:00+08:00");
        driver.Open("apply", Staff.Clerk, ("applicant", "Li Hua"), ("household_size", "3"));
        driver.Do("accept", Staff.Clerk, ("handler", Staff.Handler.Id));
        return driver;
    }

    private static List<HistoryEntry> Level1(CaseDriver driver) =>
        [.. driver.History.Where(h => h.Kind == HistoryKinds.Escalation && h.Data["level"] == "1")];

    [Fact]
    public void Fire_FiresALevelOnce_WhenItsKeyArrivesAgainInTheSameEpisode()
    {
        var driver = Accepted();
        var key = driver.State.Timers.Single(t => t.Name == "escalation.1").Key;
        driver.AdvanceTo("2025-04-08T10:00:00+08:00");

        var again = driver.Fire(key);

        Assert.True(again.IsEmpty);
        var fired = Assert.Single(Level1(driver));
        Assert.Equal((Calendars.Instant("2025-04-07T09:00:00+08:00"), "1"), (fired.At, fired.Data["episode"]));
        Assert.Equal(new FiredEscalation(1, 1, fired.Sequence), Assert.Single(driver.State.FiredEscalations, f => f.Level == 1));
    }

    [Fact]
    public void Scheduled_LeavesOutAFiredLevel_WhenTheCaseMovesOnInTheSameEpisode()
    {
        var driver = Accepted();
        driver.AdvanceTo("2025-04-08T10:00:00+08:00");

        driver.Do("complete_investigation", Staff.Handler, ("findings", "done"));
        driver.AdvanceTo("2025-04-14T10:00:00+08:00");

        Assert.Equal(1, driver.State.Clock!.Episode);
        Assert.Single(Level1(driver));
        Assert.DoesNotContain(driver.State.Timers, t => t.Name == "escalation.1");
    }

    [Fact]
    public void ToFire_GivesNoLevel_WhenAKeyOfAnotherStageEntryNamesALevelFiredInThisEpisode()
    {
        var driver = Accepted();
        driver.AdvanceTo("2025-04-08T10:00:00+08:00");
        var forged = TimerKey.Parse(TimerKey.ForEscalation(1, 1, entrySequence: 99))!.Value;
        var read = driver.State.Clock!.Snapshot(driver.Calendar, driver.Now, driver.Definition.Warnings);

        Assert.Null(EscalationLadder.ToFire(driver.Definition, driver.State, read, forged));
    }

    [Fact]
    public void Fire_FiresALevelAgain_WhenTheClockResumesInANewEpisode()
    {
        var driver = Accepted();
        driver.AdvanceTo("2025-04-08T10:00:00+08:00");
        driver.Do("request_supplement", Staff.Handler, ("materials", "id_cards"));
        driver.AdvanceTo("2025-04-09T10:00:00+08:00");

        driver.Do("materials_received", Staff.Clerk);
        driver.AdvanceTo("2025-04-09T10:00:01+08:00");

        // Paused over one working day (9 April): due 16 April, yellow from 8 April 09:00, already past at
        // the resume, so the new episode's level 1 fires at once.
        Assert.Equal(Calendars.Instant("2025-04-16T17:30:00+08:00"), driver.State.PromisedDue);
        var fired = Level1(driver);
        Assert.Equal(["1", "2"], fired.Select(f => f.Data["episode"]));
        Assert.Equal(Calendars.Instant("2025-04-09T10:00:00+08:00"), fired[1].At);
    }

    [Fact]
    public void Fire_FiresALevelAgain_WhenAnExtensionStartsANewEpisode()
    {
        var driver = Accepted();
        driver.AdvanceTo("2025-04-10T10:00:00+08:00");
        driver.Do("request_extension", Staff.Handler, ("extension", "15wd"), ("reason", "bank check pending"));
        driver.Do("approve_extension", Staff.Leader);
        Assert.Single(Level1(driver));

        driver.AdvanceTo("2025-05-01T10:00:00+08:00");

        // 45wd ends 8 May; yellow 20% of 45 = 9 working days earlier: 7, 6, 30, 29, 28 April, Sunday 27
        // April (make-up workday), 25, 24, 23 April.
        var fired = Level1(driver);
        Assert.Equal(["1", "2"], fired.Select(f => f.Data["episode"]));
        Assert.Equal(Calendars.Instant("2025-04-23T09:00:00+08:00"), fired[1].At);
    }
}
