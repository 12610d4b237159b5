using Hangfire;
using Microsoft.Extensions.Options;
using ServiceWindow.Persistence.Cases;

namespace ServiceWindow.Host.Scheduling;

/// Declares the recurring jobs in the calendar's time zone, and queues one deadline recomputation:
/// the host has just published the calendar file it read. Every node does this; AddOrUpdate is
/// idempotent. It runs beside start-up, retrying, because a lock left by a node that died holds it
/// up for a while (Hangfire's lock rows expire only after their timeout), and the definitions
/// already stored keep running meanwhile.
public sealed class RecurringJobsRegistration(IRecurringJobManager recurring, IBackgroundJobClient jobs, IWorkflowCatalog catalog,
    IOptions<SchedulerOptions> options, ILogger<RecurringJobsRegistration> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Register();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Recurring jobs not registered yet ({Error}); retrying in {Delay}", e.Message, RetryDelay);
            }
            await Task.Delay(RetryDelay, stoppingToken);
        }
    }

    private void Register()
    {
        var zone = new RecurringJobOptions { TimeZone = catalog.Calendar.TimeZone };
        recurring.AddOrUpdate<TimerSweepJob>(TimerSweepJob.Id, job => job.RunAsync(CancellationToken.None),
            JobCron.Every(options.Value.SweepInterval), zone);
        recurring.AddOrUpdate<OutboxDispatchJob>(OutboxDispatchJob.Id, job => job.RunAsync(CancellationToken.None),
            JobCron.Every(options.Value.OutboxInterval), zone);
        recurring.AddOrUpdate<StatisticsProjectionJob>(StatisticsProjectionJob.Id, job => job.RunAsync(CancellationToken.None),
            JobCron.Every(options.Value.StatisticsInterval), zone);
        recurring.AddOrUpdate<MonthlyCloseJob>(MonthlyCloseJob.Id, job => job.RunAsync(CancellationToken.None), MonthlyCloseJob.Cron, zone);
        recurring.AddOrUpdate<RatingInvitationJob>(RatingInvitationJob.Id, job => job.RunAsync(CancellationToken.None), JobCron.Every(RatingInvitationJob.Interval), zone);
        recurring.AddOrUpdate<BadReviewRectificationJob>(BadReviewRectificationJob.Id, job => job.RunAsync(CancellationToken.None), JobCron.Every(BadReviewRectificationJob.Interval), zone);
        recurring.AddOrUpdate<MonthlyRankingJob>(MonthlyRankingJob.Id, job => job.RunAsync(CancellationToken.None), MonthlyRankingJob.Cron, zone);
        recurring.AddOrUpdate<QuarterlyHonoursJob>(QuarterlyHonoursJob.Id, job => job.RunAsync(CancellationToken.None), QuarterlyHonoursJob.Cron, zone);
        recurring.AddOrUpdate<DeadlineRecomputeJob>(DeadlineRecomputeJob.Id, job => job.RunAsync(CancellationToken.None),
            DeadlineRecomputeJob.NightlyCron, zone);
        DeadlineRecomputeJob.Enqueue(jobs);
    }
}
