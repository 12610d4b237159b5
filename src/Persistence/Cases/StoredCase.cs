namespace ServiceWindow.Persistence.Cases;

/// A case as read back for the next command or timer: enough to rebuild the engine's state and
/// to guard the write that follows. `HistoryHead` is the hash of its last history entry;
/// `WindowId` is kept as the case was opened, since later writes carry it forward.
public sealed record StoredCase(
    Guid Id,
    string DefinitionId,
    int DefinitionVersion,
    string Stage,
    long Version,
    int HistoryLength,
    string StateJson,
    string? HistoryHead,
    string? WindowId = null);
