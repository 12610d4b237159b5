namespace ServiceWindow.Persistence.Timers;

/// A timer whose instant has come, as claimed by a sweep.
public sealed record DueTimer(Guid CaseId, string Key, string Name, DateTimeOffset DueAt, int Attempts);
