using System.Text.Json;
using ServiceWindow.Persistence.Outbox;

namespace ServiceWindow.Host.Notifications;

/// Appends each notification as one JSON line to a file: a stand-in for the SMS gateway that a
/// demo or an acceptance test can read back.
public sealed class FileNotificationChannel(string path, NotificationText text, System.Globalization.CultureInfo culture) : INotificationChannel
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.Serialize(new
        {
            message.Id,
            message.CaseId,
            message.Recipient,
            message.Template,
            Text = text.Render(message.Template, message.DataJson, culture),
            Data = JsonDocument.Parse(message.DataJson).RootElement,
            message.Attempt,
        });
        await gate.WaitAsync(cancellationToken);
        try
        {
            await File.AppendAllTextAsync(path, line + Environment.NewLine, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
