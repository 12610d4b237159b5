using ServiceWindow.Persistence.History;

namespace ServiceWindow.Persistence.Cases;

/// Everything one command (or one fired timer) changes on one case, written in one transaction.
/// `ExpectedVersion` 0 means the case is new and is inserted; otherwise the row is updated only
/// if it is still at that version and its history still ends at `ChainHead`.
public sealed record CaseChange
{
    public CaseChange(CaseRow @case, long expectedVersion, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(@case.Version, expectedVersion);
        Case = @case;
        ExpectedVersion = expectedVersion;
        At = at;
    }

    public CaseRow Case { get; }
    public long ExpectedVersion { get; }
    public DateTimeOffset At { get; }
    public bool IsNewCase => ExpectedVersion == 0;
    public IReadOnlyList<HistoryRow> History { get; init; } = [];
    public IReadOnlyList<TimerRow> TimersToSchedule { get; init; } = [];
    public IReadOnlyList<string> TimersToCancel { get; init; } = [];
    public IReadOnlyList<NotificationRow> Notifications { get; init; } = [];
    public IReadOnlyList<FindingRow> Findings { get; init; } = [];

    /// The hash of the case's last history entry before this change; null for a new case.
    public string? ChainHead { get; init; }

    /// The change's entries, each with the hash it links to and its own, in order: the chain
    /// goes on from `ChainHead`, and the last hash is the case's new head.
    public IReadOnlyList<LinkedHistoryRow> LinkHistory()
    {
        var linked = new LinkedHistoryRow[History.Count];
        var previous = ChainHead;
        for (var i = 0; i < linked.Length; i++)
        {
            var entry = History[i];
            var hash = HistoryHash.Compute(previous, Case.Id, entry.Sequence, entry.Kind, entry.ActorId, entry.At.UtcDateTime,
                entry.Action, entry.FromStage, entry.ToStage, entry.PayloadJson);
            linked[i] = new LinkedHistoryRow(entry, previous, hash);
            previous = hash;
        }
        return linked;
    }

    /// The case's history head once the change is written.
    public string? NewChainHead() => History.Count == 0 ? ChainHead : LinkHistory()[^1].Hash;
}
