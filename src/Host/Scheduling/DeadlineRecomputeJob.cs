using Npgsql;
using Quartz;
using ServiceWindow.Persistence.Calendars;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Deadlines;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Scheduling;

/// Recomputes provisional deadlines once a calendar covering them is loaded, comparing the two
/// latest published calendar versions. Triggered after a calendar update (<see cref="RequestAsync"/>,
/// and at host start, which publishes the calendar file it read) and nightly as a safety net; a run
/// with no provisional cases is one index probe.
[DisallowConcurrentExecution]
public sealed class DeadlineRecomputeJob(NpgsqlDataSource dataSource, IWorkflowCatalog catalog, WorkflowEngine engine, TimeProvider clock,
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
        if (await new CalendarVersions(dataSource).LatestUpdateAsync(catalog.Calendar.Id, cancellationToken) is not var (previous, current))
        {
            return;
        }
        var recomputation = new EngineDeadlineRecomputation(catalog, engine, previous, current);
        var changed = await new ProvisionalDeadlineSweep(dataSource, recomputation, clock).RunAsync(cancellationToken);
        if (changed > 0)
        {
            logger.LogInformation("Recomputed provisional deadlines of {Cases} cases", changed);
        }
    }
}
