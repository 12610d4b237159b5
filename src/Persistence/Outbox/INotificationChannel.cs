namespace ServiceWindow.Persistence.Outbox;

/// Where notifications go: an SMS gateway in production, a log or a file by default. Throws when
/// the message was not accepted; the dispatcher retries it later.
public interface INotificationChannel
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
