namespace ServiceWindow.Persistence.Cases;

/// A message for the outbox, sent after the command that caused it has committed.
public sealed record NotificationRow
{
    public NotificationRow(string recipient, string template, string dataJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        ArgumentException.ThrowIfNullOrWhiteSpace(template);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataJson);
        Recipient = recipient;
        Template = template;
        DataJson = dataJson;
    }

    public string Recipient { get; }
    public string Template { get; }
    public string DataJson { get; }
}
