using ServiceWindow.Persistence.Outbox;

namespace ServiceWindow.Host.Notifications;

/// The default channel: writes each notification to the log. Nothing leaves the building.
public sealed class LoggingNotificationChannel(NotificationText text, System.Globalization.CultureInfo culture, ILogger<LoggingNotificationChannel> logger) : INotificationChannel
{
    public Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        logger.LogInformation("Notification {Id} to {Recipient} ({Template}): {Text}", message.Id, message.Recipient, message.Template,
            text.Render(message.Template, message.DataJson, culture));
        return Task.CompletedTask;
    }
}
