namespace ServiceWindow.Bench.Store;

/// The design's literal reading: one Hangfire delayed job per case deadline, each firing the same
/// engine work the sweep does for one timer, in its own transaction. Stored jobs name this type.
public static class HangfireDeadlineJob
{
    public static Func<Guid, Task> Fire { get; set; } = _ => Task.CompletedTask;

    public static Task FireAsync(Guid caseId) => Fire(caseId);
}
