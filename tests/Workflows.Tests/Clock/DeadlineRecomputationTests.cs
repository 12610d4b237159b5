using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Tests.Support;
using static ServiceWindow.Workflows.Tests.Support.Calendars;

namespace ServiceWindow.Workflows.Tests.Clock;

public sealed class DeadlineRecomputationTests
{
    private static readonly WorkingCalendar With2027 =
        CnMainland.WithYear(HolidayCnImporter.Parse("2027.json", Sample("holiday-cn-2027-made-up.json")));

    // 2025 replaced by a notice that also gives 10-09 off.
    private static readonly WorkingCalendar Revised2025 = CnMainland.WithYear(new CalendarYear(
        2025,
        [.. CnMainland.Year(2025)!.Holidays, new Holiday("调整", Date("2025-10-09"), Date("2025-10-09"))],
        CnMainland.Year(2025)!.MakeUpWorkdays));

    [Fact]
    public void Recompute_ReplacesAProvisionalDeadline_WhenTheNextYearIsLoaded()
    {
        var change = DeadlineRecomputation.Recompute(CnMainland, With2027, Instant("2026-12-28T10:00:00+08:00"), TimeLimit.WorkingDays(5));

        Assert.Equal(new Deadline(Instant("2027-01-04T17:30:00+08:00"), true), change.Old);
        Assert.Equal(new Deadline(Instant("2027-01-05T17:30:00+08:00"), false), change.New);
        Assert.Equal(DeadlineChangeOutcome.Recomputed, change.Outcome);
        Assert.Equal(change.New, change.InForce);
    }

    [Fact]
    public void Recompute_HoldsAPrintedDeadline_WhenAYearInForceIsReplaced()
    {
        var change = DeadlineRecomputation.Recompute(CnMainland, Revised2025, Instant("2025-09-26T10:00:00+08:00"), TimeLimit.WorkingDays(5));

        Assert.Equal(DeadlineChangeOutcome.Held, change.Outcome);
        Assert.Equal(Instant("2025-10-10T17:30:00+08:00"), change.InForce.Due);
        Assert.Equal(Instant("2025-10-11T17:30:00+08:00"), change.New.Due);
    }

    [Fact]
    public void Recompute_IsUnchanged_WhenTheNewYearDoesNotReachTheDeadline()
    {
        var change = DeadlineRecomputation.Recompute(CnMainland, With2027, Instant("2025-03-03T10:00:00+08:00"), TimeLimit.WorkingDays(5));

        Assert.Equal(DeadlineChangeOutcome.Unchanged, change.Outcome);
    }

    [Fact]
    public void RecomputeClock_KeepsPrintedDeadlines_UntilAnAdministratorMovesThem()
    {
        var clock = new ClockBuilder().AcceptedAt("2025-09-26T10:00:00+08:00").Build();
        var now = Instant("2025-09-29T10:00:00+08:00");

        var result = DeadlineRecomputation.Recompute(CnMainland, Revised2025, clock, now);

        Assert.Equal((DeadlineChangeOutcome.Held, DeadlineChangeOutcome.Held), (result.Promised.Outcome, result.Statutory.Outcome));
        Assert.True(result.NeedsHistoryEntry);
        var held = result.Clock.Snapshot(Revised2025, now, WarningThresholds.Default);
        Assert.Equal(Instant("2025-10-10T17:30:00+08:00"), held.Promised.Due);
        Assert.Equal(Instant("2025-10-16T17:30:00+08:00"), held.Statutory.Due);

        var moved = result.Clock.MoveDeadline(DeadlineKind.Promised, now, "admin-wang", Revised2025);

        Assert.Equal(Instant("2025-10-11T17:30:00+08:00"), moved.Snapshot(Revised2025, now, WarningThresholds.Default).Promised.Due);
        Assert.Equal(Instant("2025-10-16T17:30:00+08:00"), moved.Snapshot(Revised2025, now, WarningThresholds.Default).Statutory.Due);
        var move = Assert.Single(moved.Moves);
        Assert.Equal((Instant("2025-10-10T17:30:00+08:00"), Instant("2025-10-11T17:30:00+08:00"), "admin-wang"), (move.From, move.To, move.MovedBy));
    }

    [Fact]
    public void RecomputeClock_ReplacesProvisionalDeadlines_WithoutHolding()
    {
        var clock = new ClockBuilder().AcceptedAt("2026-12-28T10:00:00+08:00").Build();

        var result = DeadlineRecomputation.Recompute(CnMainland, With2027, clock, Instant("2026-12-29T10:00:00+08:00"));

        Assert.Equal(DeadlineChangeOutcome.Recomputed, result.Promised.Outcome);
        Assert.Equal(new Deadline(Instant("2027-01-05T17:30:00+08:00"), false), result.Promised.New);
        Assert.Empty(result.Clock.Holds);
    }

    [Fact]
    public void RecomputeClock_Recomputes_WhilePaused()
    {
        var clock = new ClockBuilder().AcceptedAt("2025-09-26T10:00:00+08:00").Build().Pause(Instant("2025-09-26T11:00:00+08:00"), "supplement");

        var result = DeadlineRecomputation.Recompute(CnMainland, Revised2025, clock, Instant("2025-09-26T12:00:00+08:00"));

        Assert.Equal(DeadlineChangeOutcome.Recomputed, result.Promised.Outcome);
        Assert.Empty(result.Clock.Holds);
    }

    [Fact]
    public void Hold_LapsesAtTheNextEpisode()
    {
        var clock = new ClockBuilder().AcceptedAt("2025-09-26T10:00:00+08:00").Build();
        var held = DeadlineRecomputation.Recompute(CnMainland, Revised2025, clock, Instant("2025-09-26T11:00:00+08:00")).Clock;

        var resumed = held.Pause(Instant("2025-09-26T11:00:00+08:00"), "supplement").Resume(Instant("2025-09-26T15:00:00+08:00"));

        Assert.Equal(Instant("2025-10-11T17:30:00+08:00"), resumed.Snapshot(Revised2025, Instant("2025-09-26T15:00:00+08:00"), WarningThresholds.Default).Promised.Due);
    }
}
