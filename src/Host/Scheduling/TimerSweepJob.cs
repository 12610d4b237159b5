using Microsoft.Extensions.Options;
using Npgsql;
using Quartz;
using ServiceWindow.Persistence.Timers;

namespace ServiceWindow.Host.Scheduling;

/// Fires the due case timers. One trigger for all of them: however many deadlines are pending,
/// Quartz holds one row and the sweep finds what is due through the timers index. Several nodes
/// may sweep at once; `skip locked` keeps them on different timers.
[DisallowConcurrentExecution]
public sealed class TimerSweepJob(NpgsqlDataSource dataSource, ITimerFiring firing, TimeProvider clock,
    IOptions<SchedulerOptions> options, ILogger<TimerSweepJob> logger) : IJob
{
    public static readonly JobKey Key = new("timer-sweep", SchedulerSetup.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var sweeper = new TimerSweeper(dataSource, firing, clock, new TimerSweepOptions { BatchSize = options.Value.TimerBatchSize });
        var result = await sweeper.SweepAsync(cancellationToken);
        if (result.Claimed > 0)
        {
            logger.LogInformation("Timer sweep: {Claimed} due, {Fired} fired, {Failed} pushed back", result.Claimed, result.Fired, result.Failed);
        }
    }
}
