namespace ServiceWindow.Workflows.Clock;

/// <summary>
/// When a running clock turns yellow: when the remaining time is at most <see cref="YellowWorkingDays"/>
/// working days or at most <see cref="YellowPercentOfPromised"/> percent of the promised limit, whichever is
/// larger. Limits in working hours use the percentage only, since a day is longer than most of them.
/// </summary>
public sealed record WarningThresholds
{
    /// <summary>Yellow at 1 working day or 20% of the promised limit.</summary>
    public static WarningThresholds Default { get; } = new(1, 20);

    /// <summary>Creates thresholds; both are non-negative and the percentage at most 100.</summary>
    public WarningThresholds(int YellowWorkingDays, int YellowPercentOfPromised)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(YellowWorkingDays);
        ArgumentOutOfRangeException.ThrowIfNegative(YellowPercentOfPromised);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(YellowPercentOfPromised, 100);
        this.YellowWorkingDays = YellowWorkingDays;
        this.YellowPercentOfPromised = YellowPercentOfPromised;
    }

    /// <summary>Working days remaining at which a day-based limit turns yellow.</summary>
    public int YellowWorkingDays { get; }

    /// <summary>Share of the promised limit, in percent, remaining at which the clock turns yellow.</summary>
    public int YellowPercentOfPromised { get; }
}
