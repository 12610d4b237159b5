namespace ServiceWindow.Persistence.Cases;

/// Everything one command (or one fired timer) changes on one case, written in one transaction.
/// `ExpectedVersion` 0 means the case is new and is inserted; otherwise the row is updated only
/// if it is still at that version.
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
}
