namespace ServiceWindow.Workflows.Clock;

/// <summary>
/// One deadline before and after a calendar change. For <see cref="DeadlineChangeOutcome.Held"/>,
/// <see cref="New"/> is what the new calendar would give; the deadline in force stays <see cref="Old"/>.
/// </summary>
public sealed record DeadlineChange(Deadline Old, Deadline New, DeadlineChangeOutcome Outcome)
{
    /// <summary>The deadline in force after the change.</summary>
    public Deadline InForce => Outcome == DeadlineChangeOutcome.Held ? Old : New;
}
