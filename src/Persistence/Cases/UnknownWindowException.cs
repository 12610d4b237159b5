namespace ServiceWindow.Persistence.Cases;

/// The opening command named a window the organisation does not have. Nothing was written.
public sealed class UnknownWindowException(string? windowId, Exception? inner = null)
    : Exception($"window '{windowId}' does not exist", inner)
{
    public string? WindowId { get; } = windowId;
}
