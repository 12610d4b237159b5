namespace ServiceWindow.Persistence.Outbox;

/// What became of a delivery report handed to <see cref="DeliveryReports.RecordAsync"/>.
public enum DeliveryRecording
{
    /// Stored: the first report for the message, or one at least as recent as the stored one.
    Recorded,

    /// The message already has a more recent report, which stays; nothing changed.
    Superseded,

    /// No outbox message has that id; nothing was written.
    UnknownMessage,
}
