using ServiceWindow.Persistence.Outbox;

namespace ServiceWindow.Host.Notifications;

/// The default channel: writes each notification to the log. Nothing leaves the building.
public sealed class LoggingNotificationChannel(ILogger<LoggingNotificationChannel> logger) : INotificationChannel
{
    public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        logger.LogInformation("Notification {Id} to {Recipient}: {Template} {Data}", message.Id, message.Recipient, message.Template, message.DataJson);
        return Task.CompletedTask;
    }
}
