using Hangfire;
using Microsoft.Extensions.Options;
using Npgsql;
using ServiceWindow.Persistence.Timers;

namespace ServiceWindow.Host.Scheduling;

/// Fires the due case timers. One recurring job for all of them: however many deadlines are
/// pending, Hangfire holds one row and the sweep finds what is due through the timers index.
/// Two runs may overlap (two servers, or a long catch-up); `skip locked` keeps them on different
/// timers, so no lock is taken here. Stored jobs name this type: do not rename it.
public sealed class TimerSweepJob(NpgsqlDataSource dataSource, ITimerFiring firing, TimeProvider clock,
    IOptions<SchedulerOptions> options, ILogger<TimerSweepJob> logger)
{
    public const string Id = "timer-sweep";

    [JobDisplayName("timer sweep")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var sweeper = new TimerSweeper(dataSource, firing, clock, new TimerSweepOptions { BatchSize = options.Value.TimerBatchSize });
        var result = await sweeper.SweepAsync(cancellationToken);
        if (result.Claimed > 0)
        {
            logger.LogInformation("Timer sweep: {Claimed} due, {Fired} fired, {Failed} pushed back", result.Claimed, result.Fired, result.Failed);
        }
    }
}
