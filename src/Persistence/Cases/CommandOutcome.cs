namespace ServiceWindow.Persistence.Cases;

/// What a committed command answers, and what a retry with the same idempotency key gets back.
/// `FirstSequence`..`LastSequence` are the history entries it wrote.
public sealed record CommandOutcome(Guid CaseId, long Version, string Stage, int FirstSequence, int LastSequence);
