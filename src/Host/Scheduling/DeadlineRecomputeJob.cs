using Hangfire;
using Npgsql;
using ServiceWindow.Host.Calendars;
using ServiceWindow.Persistence.Calendars;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Deadlines;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Scheduling;

/// Recomputes provisional deadlines once a calendar covering them is loaded, comparing the two
/// latest published calendar versions. Enqueued after a calendar update (<see cref="Enqueue"/>,
/// and at host start, which publishes the calendar file it read) and nightly as a safety net; a
/// run with no provisional cases is one index probe. Two runs at once would race on the same
/// cases, hence the lock. Stored jobs name this type: do not rename it.
public sealed class DeadlineRecomputeJob(NpgsqlDataSource dataSource, IWorkflowCatalog catalog, WorkflowEngine engine, TimeProvider clock,
    DeploymentCalendar calendar, ILogger<DeadlineRecomputeJob> logger)
{
    public const string Id = "provisional-deadline-recompute";
    public const string NightlyCron = "30 2 * * *";

    /// Queues a run now, e.g. after a calendar import or upload; any server picks it up.
    public static string Enqueue(IBackgroundJobClient jobs) => jobs.Enqueue<DeadlineRecomputeJob>(job => job.RunAsync(CancellationToken.None));

    [JobDisplayName("provisional deadline recompute")]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Queued by `calendars import` on another machine, this server may not have the new calendar yet.
        await calendar.RefreshAsync(cancellationToken);
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
