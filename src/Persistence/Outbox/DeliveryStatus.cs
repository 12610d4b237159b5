namespace ServiceWindow.Persistence.Outbox;

/// What the SMS platform finally says about a message: it reached the phone, or it never will.
public enum DeliveryStatus
{
    Delivered,
    Failed,
}
