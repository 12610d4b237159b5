namespace ServiceWindow.Host.Notifications;

/// The JSON body of one message to the SMS platform. `MessageId` is the outbox id: the same on
/// every retry, so the platform can drop a repeat; its delivery report names it again.
public sealed record SmsGatewayMessage(long MessageId, string Recipient, string Text, string Template, Guid? CaseId, int Attempt);
