namespace ServiceWindow.Host.Health;

/// A request still running <see cref="StoppingRequests.Grace"/> after the host began to stop;
/// answered 503, and safe to send again with the same Idempotency-Key.
public sealed class HostStoppingException(Exception inner) : Exception("the host is stopping", inner);
