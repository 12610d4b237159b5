using Npgsql;
using Quartz;
using ServiceWindow.Persistence.Outbox;

namespace ServiceWindow.Host.Scheduling;

/// Sends what commands left in the outbox, through the configured channel.
[DisallowConcurrentExecution]
public sealed class OutboxDispatchJob(NpgsqlDataSource dataSource, INotificationChannel channel, TimeProvider clock, ILogger<OutboxDispatchJob> logger) : IJob
{
    public static readonly JobKey Key = new("outbox-dispatch", SchedulerSetup.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var result = await new OutboxDispatcher(dataSource, channel, clock).DispatchAsync(cancellationToken);
        if (result.Claimed > 0)
        {
            logger.LogInformation("Outbox: {Sent} sent, {Retrying} to retry, {GivenUp} given up", result.Sent, result.Retrying, result.GivenUp);
        }
    }
}
