using Quartz;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Months;
using ServiceWindow.Persistence.Timers;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Scheduling;

/// Quartz on the application's PostgreSQL database: persistent store, clustered (each node gets a
/// generated instance id), System.Text.Json for job data, its tables provisioned at start, and
/// its execution history kept in the database for the jobs view. Deadlines are not Quartz
/// triggers: one sweep job fires every due case timer (see docs/store.md for why).
public static class SchedulerSetup
{
    public const string Group = "servicewindow";

    public static void AddScheduler(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SchedulerOptions.Section);
        services.Configure<SchedulerOptions>(section);
        var options = section.Get<SchedulerOptions>() ?? new SchedulerOptions();
        services.AddSingleton<ITimerFiring, EngineTimerFiring>();
        if (!options.Enabled)
        {
            return;
        }
        // Quartz takes its connections from the application's data source, so both always agree
        // on the database, however the connection string was configured.
        services.AddSingleton<System.Data.Common.DbDataSource>(sp => sp.GetRequiredService<Npgsql.NpgsqlDataSource>());

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "servicewindow";
                scheduler.GenerateInstanceId = true;
                scheduler.MaxBatchSize = Math.Min(options.MaxConcurrency, 4);
            });
            quartz.UseDefaultThreadPool(pool => pool.MaxConcurrency = options.MaxConcurrency);
            quartz.UsePersistentStore(store =>
            {
                store.UsePostgres(postgres => postgres.UseRegisteredDataSource = true);
                store.UseClustering(cluster => cluster.CheckinInterval = options.ClusterCheckinInterval);
                store.UseSystemTextJsonSerializer();
                store.ProvisionSchema();
                store.UseExecutionHistory();
            });

            // A repeating sweep that missed beats just runs at the next one: it catches up on its own.
            quartz.ScheduleJob<TimerSweepJob>(
                trigger => trigger.WithIdentity("timer-sweep", Group)
                    .WithSimpleSchedule(s => s.WithInterval(options.SweepInterval).RepeatForever()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                job => job.WithIdentity(TimerSweepJob.Key));
            quartz.ScheduleJob<OutboxDispatchJob>(
                trigger => trigger.WithIdentity("outbox-dispatch", Group)
                    .WithSimpleSchedule(s => s.WithInterval(options.OutboxInterval).RepeatForever()
                        .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
                job => job.WithIdentity(OutboxDispatchJob.Key));
            quartz.ScheduleJob<MonthlyCloseJob>(
                trigger => trigger.WithIdentity("monthly-close", Group)
                    .WithCronSchedule(MonthlyCloseJob.Cron, cron => cron.InTimeZone(MonthlyClose.OfficeTimeZone)
                        .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                job => job.WithIdentity(MonthlyCloseJob.Key));
            quartz.ScheduleJob<DeadlineRecomputeJob>(
                trigger => trigger.WithIdentity("provisional-deadline-recompute-nightly", Group)
                    .WithCronSchedule(DeadlineRecomputeJob.NightlyCron, cron => cron.InTimeZone(MonthlyClose.OfficeTimeZone)
                        .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)),
                job => job.WithIdentity(DeadlineRecomputeJob.Key).StoreDurably());
            // Once at every start: the host has just published the calendar file it read.
            quartz.AddTrigger<DeadlineRecomputeJob>(trigger => trigger.WithIdentity("provisional-deadline-recompute-at-start", Group)
                .ForJob(DeadlineRecomputeJob.Key).StartNow());
        });
        services.AddQuartzHostedService(hosted => hosted.WaitForJobsToComplete = true);
    }
}
