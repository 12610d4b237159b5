using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Tests.Support;
using static ServiceWindow.Workflows.Tests.Support.Calendars;

namespace ServiceWindow.Workflows.Tests.Clock;

public sealed class ServiceClockTests
{
    private static readonly WarningThresholds Defaults = WarningThresholds.Default;

    [Fact]
    public void Snapshot_GivesPromisedAndStatutoryDeadlines_WhenRunning()
    {
        var snapshot = new ClockBuilder().Build().Snapshot(CnMainland, Instant("2025-09-25T10:00:00+08:00"), Defaults);

        Assert.Equal(ClockState.Running, snapshot.State);
        Assert.Equal(Instant("2025-09-28T17:30:00+08:00"), snapshot.Promised.Due);
        Assert.Equal(Instant("2025-10-11T17:30:00+08:00"), snapshot.Statutory.Due);
        Assert.Equal(3, snapshot.WorkingDaysUsed);
        Assert.Equal(2, snapshot.WorkingDaysRemaining);
        Assert.Equal(1, snapshot.Episode);
    }

    [Fact]
    public void Resume_MovesDeadlinesByThePausedWorkingDays_WhenPausedAcrossTheNationalDayBlock()
    {
        var clock = new ClockBuilder().Build()
            .Pause(Instant("2025-09-26T10:00:00+08:00"), "supplement: household register")
            .Resume(Instant("2025-10-09T10:00:00+08:00"));

        var snapshot = clock.Snapshot(CnMainland, Instant("2025-10-09T10:00:00+08:00"), Defaults);

        // Paused 09-28, 09-29, 09-30 and 10-09: four working days.
        Assert.Equal(Instant("2025-10-10T17:30:00+08:00"), snapshot.Promised.Due);
        Assert.Equal(Instant("2025-10-16T17:30:00+08:00"), snapshot.Statutory.Due);
        Assert.Equal(2, clock.Episode);
        Assert.Equal(4, snapshot.WorkingDaysUsed);
    }

    [Fact]
    public void Snapshot_ProjectsTheDeadline_AndGivesNoWarning_WhilePaused()
    {
        var clock = new ClockBuilder().Build().Pause(Instant("2025-09-26T10:00:00+08:00"), "appraisal");

        var snapshot = clock.Snapshot(CnMainland, Instant("2025-10-03T10:00:00+08:00"), Defaults);

        Assert.True(snapshot.IsPaused);
        Assert.Equal(Instant("2025-10-09T17:30:00+08:00"), snapshot.Promised.Due);
        Assert.Equal(WarningLevel.None, snapshot.Warning);
    }

    [Fact]
    public void Pause_MovesTheDeadlineByExactlyTheWorkingDaysPaused_ForRandomCases()
    {
        var random = new Random(11);
        for (var i = 0; i < 500; i++)
        {
            var acceptDay = CnMainland.AddWorkingDays(new DateOnly(2024, 1, 1), random.Next(0, 600));
            var accepted = CnMainland.Instant(acceptDay, new TimeOnly(10, 0));
            var clock = ServiceClock.Start(accepted, TimeLimit.WorkingDays(20), TimeLimit.WorkingDays(20), TimeLimit.WorkingDays(0));
            var originalDue = CnMainland.LocalDate(clock.Snapshot(CnMainland, accepted, Defaults).Promised.Due);
            var pauseDay = CnMainland.AddWorkingDays(acceptDay, random.Next(1, 20));
            var k = random.Next(0, 30);
            var resumeDay = CnMainland.AddWorkingDays(pauseDay, k);

            var resumed = clock.Pause(CnMainland.Instant(pauseDay, new TimeOnly(10, 0)), "supplement")
                .Resume(CnMainland.Instant(resumeDay, new TimeOnly(11, 0)));
            var due = CnMainland.LocalDate(resumed.Snapshot(CnMainland, CnMainland.Instant(resumeDay, new TimeOnly(11, 0)), Defaults).Promised.Due);

            Assert.True(CnMainland.AddWorkingDays(originalDue, k) == due, $"accepted {acceptDay:yyyy-MM-dd}, paused {pauseDay:yyyy-MM-dd} for {k}");
        }
    }

    [Fact]
    public void Pause_MovesAWorkingHoursDeadlineByTheOfficeTimePaused()
    {
        var clock = ServiceClock.Start(Instant("2025-09-26T09:00:00+08:00"), TimeLimit.WorkingHours(2), TimeLimit.WorkingHours(2), TimeLimit.WorkingHours(0))
            .Pause(Instant("2025-09-26T10:00:00+08:00"), "referral waits for the file")
            .Resume(Instant("2025-09-26T14:00:00+08:00"));

        // 10:00-12:00 and 13:30-14:00 paused: 150 office minutes; one hour left from 14:00.
        Assert.Equal(Instant("2025-09-26T15:00:00+08:00"), clock.Snapshot(CnMainland, Instant("2025-09-26T14:00:00+08:00"), Defaults).Promised.Due);
    }

    [Fact]
    public void Extend_LengthensBothDeadlines_WhenAskedBeforeTheDeadline()
    {
        var clock = new ClockBuilder().Build().Extend(Instant("2025-09-26T16:00:00+08:00"), TimeLimit.WorkingDays(3), "leader-li", CnMainland);

        var snapshot = clock.Snapshot(CnMainland, Instant("2025-09-26T16:00:00+08:00"), Defaults);

        Assert.Equal(Instant("2025-10-09T17:30:00+08:00"), snapshot.Promised.Due);
        Assert.Equal(Instant("2025-10-15T17:30:00+08:00"), snapshot.Statutory.Due);
        Assert.Equal(TimeLimit.WorkingDays(8), snapshot.PromisedLimit);
        Assert.Equal(2, clock.Episode);
        Assert.Equal("leader-li", Assert.Single(clock.Extensions).ApprovedBy);
    }

    [Fact]
    public void Extend_Throws_WhenAskedAfterThePromisedDeadline()
    {
        var clock = new ClockBuilder().Build();

        var error = Assert.Throws<ExtensionRefusedException>(() =>
            clock.Extend(Instant("2025-09-29T09:00:00+08:00"), TimeLimit.WorkingDays(3), "leader-li", CnMainland));

        Assert.Contains("after the promised deadline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extend_Throws_WhenBeyondStatutoryPlusMaximumExtension()
    {
        var clock = new ClockBuilder().Limits("20wd", "20wd", "10wd").Build();
        var at = Instant("2025-09-23T10:00:00+08:00");

        Assert.Throws<ExtensionRefusedException>(() => clock.Extend(at, TimeLimit.WorkingDays(11), "leader-li", CnMainland));
        var extended = clock.Extend(at, TimeLimit.WorkingDays(10), "leader-li", CnMainland);
        var error = Assert.Throws<ExtensionRefusedException>(() => extended.Extend(at, TimeLimit.WorkingDays(1), "leader-li", CnMainland));

        Assert.Contains("beyond statutory 20wd plus maximum extension 10wd", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2025-09-24T10:00:00+08:00", WarningLevel.None, "three working days left")]
    [InlineData("2025-09-25T10:00:00+08:00", WarningLevel.None, "two working days left")]
    [InlineData("2025-09-26T10:00:00+08:00", WarningLevel.Yellow, "one working day left")]
    [InlineData("2025-09-28T17:30:00+08:00", WarningLevel.Yellow, "the due instant itself")]
    [InlineData("2025-09-28T17:31:00+08:00", WarningLevel.Red, "one minute past the promised deadline")]
    [InlineData("2025-10-11T17:30:00+08:00", WarningLevel.Red, "the statutory due instant")]
    [InlineData("2025-10-13T09:00:00+08:00", WarningLevel.StatutoryRed, "past the statutory deadline")]
    public void Snapshot_GivesTheWarningLevel_ByDefaultThresholds(string now, WarningLevel expected, string edge) =>
        Assert.True(expected == new ClockBuilder().Build().Snapshot(CnMainland, Instant(now), Defaults).Warning, edge);

    [Theory]
    [InlineData(7, WarningLevel.None, "seven working days left of 30")]
    [InlineData(6, WarningLevel.Yellow, "six left: 20% of 30 is larger than one day")]
    public void Snapshot_UsesTheShareOfTheLimit_WhenLargerThanOneDay(int remaining, WarningLevel expected, string edge)
    {
        var clock = new ClockBuilder().Limits("30wd", "30wd", "15wd").Build();
        var due = CnMainland.LocalDate(clock.Snapshot(CnMainland, clock.AcceptedAt, Defaults).Promised.Due);
        var now = CnMainland.Instant(CnMainland.AddWorkingDays(due, -remaining), new TimeOnly(10, 0));

        var snapshot = clock.Snapshot(CnMainland, now, Defaults);

        Assert.Equal(remaining, snapshot.WorkingDaysRemaining);
        Assert.True(expected == snapshot.Warning, edge);
    }

    [Fact]
    public void Snapshot_UsesConfiguredThresholds()
    {
        var snapshot = new ClockBuilder().Build().Snapshot(CnMainland, Instant("2025-09-24T10:00:00+08:00"), new WarningThresholds(3, 0));

        Assert.Equal(WarningLevel.Yellow, snapshot.Warning);
    }

    [Fact]
    public void Snapshot_IsYellow_ForWorkingHours_ByShareOnly()
    {
        var clock = ServiceClock.Start(Instant("2025-09-26T09:00:00+08:00"), TimeLimit.WorkingHours(2), TimeLimit.WorkingHours(2), TimeLimit.WorkingHours(0));

        Assert.Equal(WarningLevel.None, clock.Snapshot(CnMainland, Instant("2025-09-26T10:30:00+08:00"), Defaults).Warning);
        Assert.Equal(WarningLevel.Yellow, clock.Snapshot(CnMainland, Instant("2025-09-26T10:36:00+08:00"), Defaults).Warning);
        Assert.Equal(WarningLevel.StatutoryRed, clock.Snapshot(CnMainland, Instant("2025-09-26T11:01:00+08:00"), Defaults).Warning);
    }

    [Fact]
    public void Snapshot_FreezesAtTheStop_WhenTheCaseIsComplete()
    {
        var clock = new ClockBuilder().Build().Stop(Instant("2025-09-25T10:00:00+08:00"));

        var snapshot = clock.Snapshot(CnMainland, Instant("2025-12-01T10:00:00+08:00"), Defaults);

        Assert.Equal(ClockState.Stopped, snapshot.State);
        Assert.Equal(Instant("2025-09-25T10:00:00+08:00"), snapshot.At);
        Assert.Equal(3, snapshot.WorkingDaysUsed);
        Assert.Equal(WarningLevel.None, snapshot.Warning);
    }

    [Fact]
    public void Snapshot_StaysRed_WhenCompletedLate()
    {
        var clock = new ClockBuilder().Build().Stop(Instant("2025-09-29T10:00:00+08:00"));

        Assert.Equal(WarningLevel.Red, clock.Snapshot(CnMainland, Instant("2025-12-01T10:00:00+08:00"), Defaults).Warning);
    }

    [Fact]
    public void Changes_Throw_WhenTheStateDoesNotAllowThem()
    {
        var clock = new ClockBuilder().Build();
        var paused = clock.Pause(Instant("2025-09-23T10:00:00+08:00"), "supplement");

        Assert.Throws<InvalidOperationException>(() => clock.Resume(Instant("2025-09-23T10:00:00+08:00")));
        Assert.Throws<InvalidOperationException>(() => paused.Pause(Instant("2025-09-24T10:00:00+08:00"), "again"));
        Assert.Throws<ArgumentOutOfRangeException>(() => paused.Resume(Instant("2025-09-22T11:00:00+08:00")));
        Assert.Throws<InvalidOperationException>(() => clock.Stop(Instant("2025-09-23T10:00:00+08:00")).Stop(Instant("2025-09-24T10:00:00+08:00")));
        Assert.Throws<ArgumentException>(() => ServiceClock.Start(clock.AcceptedAt, TimeLimit.WorkingDays(30), TimeLimit.WorkingDays(20), TimeLimit.WorkingDays(0)));
    }

    [Fact]
    public void Changes_ReturnNewClocks_AndLeaveTheOriginalUntouched()
    {
        var clock = new ClockBuilder().Build();

        var paused = clock.Pause(Instant("2025-09-23T10:00:00+08:00"), "supplement");

        Assert.Equal(ClockState.Running, clock.State);
        Assert.Empty(clock.Pauses);
        Assert.Equal(ClockState.Paused, paused.State);
    }
}
