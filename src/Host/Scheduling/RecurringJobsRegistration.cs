using Hangfire;
using Microsoft.Extensions.Options;
using ServiceWindow.Persistence.Cases;

namespace ServiceWindow.Host.Scheduling;

/// Declares the recurring jobs at start, in the calendar's time zone, and queues one deadline
/// recomputation: the host has just published the calendar file it read. Every node does this;
/// AddOrUpdate is idempotent, so the last writer's identical definition stays.
public sealed class RecurringJobsRegistration(IRecurringJobManager recurring, IBackgroundJobClient jobs, IWorkflowCatalog catalog,
    IOptions<SchedulerOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var zone = new RecurringJobOptions { TimeZone = catalog.Calendar.TimeZone };
        recurring.AddOrUpdate<TimerSweepJob>(TimerSweepJob.Id, job => job.RunAsync(CancellationToken.None),
            JobCron.Every(options.Value.SweepInterval), zone);
        recurring.AddOrUpdate<OutboxDispatchJob>(OutboxDispatchJob.Id, job => job.RunAsync(CancellationToken.None),
            JobCron.Every(options.Value.OutboxInterval), zone);
        recurring.AddOrUpdate<MonthlyCloseJob>(MonthlyCloseJob.Id, job => job.RunAsync(CancellationToken.None), MonthlyCloseJob.Cron, zone);
        recurring.AddOrUpdate<DeadlineRecomputeJob>(DeadlineRecomputeJob.Id, job => job.RunAsync(CancellationToken.None),
            DeadlineRecomputeJob.NightlyCron, zone);
        DeadlineRecomputeJob.Enqueue(jobs);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
