namespace ServiceWindow.Persistence.Outbox;

/// A notification to send. The id is stable across retries, so a channel that can deduplicate
/// (an SMS gateway with a client reference) can pass it along.
public sealed record OutboxMessage(long Id, Guid? CaseId, string Recipient, string Template, string DataJson, int Attempt);
