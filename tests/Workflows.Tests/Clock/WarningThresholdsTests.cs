using ServiceWindow.Workflows.Clock;
using static ServiceWindow.Workflows.Tests.Support.Calendars;

namespace ServiceWindow.Workflows.Tests.Clock;

public sealed class WarningThresholdsTests
{
    private static readonly WarningThresholds Defaults = WarningThresholds.Default;

    // Each row: a promised limit and deadline on cn-mainland, and the yellow instant worked out by hand.
    public static TheoryData<string, string, string, string> YellowInstants => new()
    {
        { "5wd: one working day (20% of 5 is 1), back over nothing", "5wd", "2025-09-28T17:30:00+08:00", "2025-09-26T09:00:00+08:00" },
        { "30wd: the share (6 days) beats one day, back over the Qingming holiday", "30wd", "2025-04-15T17:30:00+08:00", "2025-04-07T09:00:00+08:00" },
        { "45wd: 9 days back over May Day and a Sunday make-up workday", "45wd", "2025-05-08T17:30:00+08:00", "2025-04-23T09:00:00+08:00" },
        { "30d: 20% is 6 calendar days, earlier than one working day", "30d", "2025-04-03T17:30:00+08:00", "2025-03-28T09:00:00+08:00" },
        { "10wh: 20% is 2 office hours, back over the lunch break", "10wh", "2025-09-26T14:30:00+08:00", "2025-09-26T11:00:00+08:00" },
    };

    [Theory]
    [MemberData(nameof(YellowInstants))]
    public void YellowFrom_GivesTheHandWorkedInstant_ForEachUnit(string edge, string limit, string due, string yellow) =>
        Assert.True(Instant(yellow) == Defaults.YellowFrom(CnMainland, TimeLimit.Parse(limit), Instant(due)), edge);

    [Theory]
    [MemberData(nameof(YellowInstants))]
    public void IsYellow_TurnsTrueExactlyAtYellowFrom_AndStaysUntilTheDeadline(string edge, string limit, string due, string yellow)
    {
        var promised = TimeLimit.Parse(limit);
        var dueAt = Instant(due);
        var from = Instant(yellow);

        Assert.False(Defaults.IsYellow(CnMainland, promised, dueAt, from.AddSeconds(-1)), edge);
        Assert.True(Defaults.IsYellow(CnMainland, promised, dueAt, from), edge);
        Assert.True(Defaults.IsYellow(CnMainland, promised, dueAt, dueAt), edge);
        Assert.False(Defaults.IsYellow(CnMainland, promised, dueAt, dueAt.AddSeconds(1)), edge);
    }
}
