using System.Text.Json;
using ServiceWindow.Persistence.Cases;

namespace ServiceWindow.Persistence.Tests.Store;

/// Hand-built case changes, standing in for what the engine produces: a new case with its first
/// entry, and a follow-up change that appends one entry on top of a stored case.
public static class CaseChanges
{
    public static readonly DateTimeOffset Start = new(2025, 3, 3, 1, 0, 0, TimeSpan.Zero);

    public static CaseChange NewCase(Guid? id = null, DateTimeOffset? at = null, IReadOnlyList<TimerRow>? timers = null,
        IReadOnlyList<NotificationRow>? notifications = null, string? handler = "handler-1", string? firstOwner = null)
    {
        var caseId = id ?? Guid.NewGuid();
        var when = at ?? Start;
        return new CaseChange(new CaseRow(caseId, "test-item", 1, "accepted", 1, 1, State("accepted", 1, 1))
        {
            HandlerId = handler,
            FirstInquiryOwner = firstOwner,
            AcceptedAt = when,
            PromisedDeadline = when.AddDays(5),
        }, 0, when)
        {
            History = [new HistoryRow(1, "opened", "clerk-1", when, """{"note": "accepted at the window"}""") { Action = "accept", ToStage = "accepted" }],
            TimersToSchedule = timers ?? [],
            Notifications = notifications ?? [],
        };
    }

    /// One more entry on top of <paramref name="current"/>, from the given actor.
    public static CaseChange Next(StoredCase current, string kind, string? actorId, DateTimeOffset at, string? stage = null,
        IReadOnlyList<TimerRow>? timers = null, IReadOnlyList<string>? cancel = null, IReadOnlyList<NotificationRow>? notifications = null,
        IReadOnlyList<FindingRow>? findings = null)
    {
        var toStage = stage ?? current.Stage;
        var version = current.Version + 1;
        var sequence = current.HistoryLength + 1;
        return new CaseChange(new CaseRow(current.Id, current.DefinitionId, current.DefinitionVersion, toStage, version, sequence,
            State(toStage, version, sequence)) { HandlerId = "handler-1" }, current.Version, at)
        {
            ChainHead = current.HistoryHead,
            History = [new HistoryRow(sequence, kind, actorId, at, JsonSerializer.Serialize(new { kind, actor = actorId })) { FromStage = current.Stage, ToStage = toStage }],
            TimersToSchedule = timers ?? [],
            TimersToCancel = cancel ?? [],
            Notifications = notifications ?? [],
            Findings = findings ?? [],
        };
    }

    public static StoredCase Stored(CaseChange change) =>
        new(change.Case.Id, change.Case.DefinitionId, change.Case.DefinitionVersion, change.Case.Stage, change.Case.Version,
            change.Case.HistoryLength, change.Case.StateJson, change.NewChainHead());

    private static string State(string stage, long version, int historyLength) =>
        JsonSerializer.Serialize(new { stage, version, historyLength });
}
