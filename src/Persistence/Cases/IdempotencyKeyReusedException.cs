namespace ServiceWindow.Persistence.Cases;

/// The idempotency key was already used for a different command; replaying the first result
/// would answer a question the client did not ask.
public sealed class IdempotencyKeyReusedException(string key)
    : Exception($"idempotency key '{key}' was already used for a different command");
