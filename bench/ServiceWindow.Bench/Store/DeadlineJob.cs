using Quartz;

namespace ServiceWindow.Bench.Store;

/// The Quartz side of the comparison: one trigger per case deadline, each firing the same engine
/// work the sweep does for one timer, in its own transaction.
public sealed class DeadlineJob : IJob
{
    public static Func<Guid, Task> Fire { get; set; } = _ => Task.CompletedTask;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await Fire(Guid.Parse(context.MergedJobDataMap.GetString("case")!));
}
