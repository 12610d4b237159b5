using Npgsql;
using Quartz;
using ServiceWindow.Persistence.Deadlines;

namespace ServiceWindow.Host.Scheduling;

/// Recomputes provisional deadlines once a calendar covering them is loaded. Triggered by the
/// calendar update (<see cref="RequestAsync"/>), and nightly as a safety net; a run with no
/// provisional cases is one index probe.
[DisallowConcurrentExecution]
public sealed class DeadlineRecomputeJob(NpgsqlDataSource dataSource, IDeadlineRecomputation recomputation, TimeProvider clock,
    ILogger<DeadlineRecomputeJob> logger) : IJob
{
    public static readonly JobKey Key = new("provisional-deadline-recompute", SchedulerSetup.Group);
    public const string NightlyCron = "0 30 2 * * ?";

    public static async Task RequestAsync(ISchedulerFactory schedulers, CancellationToken cancellationToken = default)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        await scheduler.TriggerJob(Key, cancellationToken);
    }

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var changed = await new ProvisionalDeadlineSweep(dataSource, recomputation, clock).RunAsync(cancellationToken);
        if (changed > 0)
        {
            logger.LogInformation("Recomputed provisional deadlines of {Cases} cases", changed);
        }
    }
}
