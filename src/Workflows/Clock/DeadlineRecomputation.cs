using System;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Workflows.Clock;

/// <summary>
/// What a calendar change (a new year loaded, a year replaced) does to deadlines already issued. Provisional
/// deadlines take the new calendar's value; a deadline that was not provisional has been printed on a receipt
/// or notice and is held until an administrator moves it with <see cref="ServiceClock.MoveDeadline"/>.
/// </summary>
public static class DeadlineRecomputation
{
    /// <summary>A single deadline of <paramref name="limit"/> from <paramref name="start"/> (e.g. a referral's acknowledgement).</summary>
    public static DeadlineChange Recompute(WorkingCalendar oldCalendar, WorkingCalendar newCalendar, DateTimeOffset start, TimeLimit limit)
    {
        ArgumentNullException.ThrowIfNull(oldCalendar);
        ArgumentNullException.ThrowIfNull(newCalendar);
        return Decide(DeadlineCalculator.Due(oldCalendar, start, limit), DeadlineCalculator.Due(newCalendar, start, limit), printable: true);
    }

    /// <summary>
    /// A case clock's promised and statutory deadlines read at <paramref name="now"/>. The returned clock
    /// carries a <see cref="DeadlineHold"/> for each held deadline; store it in place of the old one.
    /// </summary>
    public static ClockRecomputation Recompute(WorkingCalendar oldCalendar, WorkingCalendar newCalendar, ServiceClock clock, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(oldCalendar);
        ArgumentNullException.ThrowIfNull(newCalendar);
        ArgumentNullException.ThrowIfNull(clock);
        var before = clock.Snapshot(oldCalendar, now, WarningThresholds.Default);
        var released = clock.Release(DeadlineKind.Promised).Release(DeadlineKind.Statutory);
        var after = released.Snapshot(newCalendar, now, WarningThresholds.Default);
        // While paused no deadline is in force: the applicant gets a new one on resume.
        var printable = clock.State != ClockState.Paused;
        var promised = Decide(before.Promised, after.Promised, printable);
        var statutory = Decide(before.Statutory, after.Statutory, printable);
        var result = released;
        if (promised.Outcome == DeadlineChangeOutcome.Held)
        {
            result = result.Hold(DeadlineKind.Promised, promised.Old.Due);
        }
        if (statutory.Outcome == DeadlineChangeOutcome.Held)
        {
            result = result.Hold(DeadlineKind.Statutory, statutory.Old.Due);
        }
        return new ClockRecomputation(result, promised, statutory);
    }

    private static DeadlineChange Decide(Deadline old, Deadline recomputed, bool printable)
    {
        if (old == recomputed)
        {
            return new DeadlineChange(old, recomputed, DeadlineChangeOutcome.Unchanged);
        }
        return new DeadlineChange(old, recomputed, old.Provisional || !printable ? DeadlineChangeOutcome.Recomputed : DeadlineChangeOutcome.Held);
    }
}
