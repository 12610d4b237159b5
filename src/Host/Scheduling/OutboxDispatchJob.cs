using Hangfire;
using Npgsql;
using ServiceWindow.Persistence.Outbox;

namespace ServiceWindow.Host.Scheduling;

/// Sends what commands left in the outbox, through the configured channel. Overlapping runs claim
/// different messages (`skip locked`). Stored jobs name this type: do not rename it.
public sealed class OutboxDispatchJob(NpgsqlDataSource dataSource, INotificationChannel channel, TimeProvider clock, ILogger<OutboxDispatchJob> logger)
{
    public const string Id = "outbox-dispatch";

    [JobDisplayName("outbox dispatch")]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var result = await new OutboxDispatcher(dataSource, channel, clock).DispatchAsync(cancellationToken);
        if (result.Claimed > 0)
        {
            logger.LogInformation("Outbox: {Sent} sent, {Retrying} to retry, {GivenUp} given up", result.Sent, result.Retrying, result.GivenUp);
        }
    }
}
