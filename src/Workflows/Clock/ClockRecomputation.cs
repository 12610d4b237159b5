namespace ServiceWindow.Workflows.Clock;

/// <summary>A case clock after a calendar change: the clock to store and what happened to each deadline.</summary>
public sealed record ClockRecomputation(ServiceClock Clock, DeadlineChange Promised, DeadlineChange Statutory)
{
    /// <summary>True when either deadline changed or is held, i.e. the case history needs an entry.</summary>
    public bool NeedsHistoryEntry =>
        Promised.Outcome != DeadlineChangeOutcome.Unchanged || Statutory.Outcome != DeadlineChangeOutcome.Unchanged;
}
