using System.Text;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Persistence.Cases;

/// Turns what the engine returned into what the store writes: the case row with its projected
/// columns, the history rows and the effects as timer, outbox and finding rows.
public static class TransitionMapping
{
    /// <paramref name="current"/> is the case as stored before the transition, or null when the
    /// transition opened it: its version guards the write and its history head starts the chain.
    public static CaseChange ToChange(TransitionResult result, StoredCase? current, DateTimeOffset at, Receipt? receipt = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var state = result.State;
        var row = new CaseRow(state.Id, state.DefinitionId, state.DefinitionVersion, state.Stage, state.Version, state.HistoryLength,
            CaseStateJson.Serialize(state))
        {
            ServiceItemCode = ServiceItemCode(state.DefinitionId),
            WindowId = current is null ? OpeningWindow(state) : current.WindowId,
            FirstInquiryOwner = state.FirstInquiryOwner,
            HandlerId = state.Handler,
            AcceptedAt = state.Clock?.AcceptedAt,
            PromisedDeadline = state.PromisedDue,
            StatutoryDeadline = state.StatutoryDue,
            DeadlinesProvisional = state.DeadlinesProvisional,
            WarningLevel = WarningLevelName(state.WarningLevel),
            CompletedAt = state.IsClosed ? state.UpdatedAt : null,
            ReceiptNumber = receipt?.Number,
            LookupSecretHash = receipt?.SecretHash,
        };

        // Effects apply in order: a cancel then a schedule of one key reschedules it, and the reverse drops it.
        // Small lists rather than hash sets: a change has a handful of effects.
        var scheduled = new List<TimerRow>();
        var cancelled = new List<string>();
        var notifications = new List<NotificationRow>();
        var findings = new List<FindingRow>();
        foreach (var effect in result.Effects)
        {
            switch (effect)
            {
                case ScheduleTimer timer:
                    RemoveTimer(scheduled, timer.Key);
                    scheduled.Add(new TimerRow(timer.Key, timer.Name, timer.DueAt));
                    break;
                case CancelTimer cancel:
                    RemoveTimer(scheduled, cancel.Key);
                    if (!cancelled.Contains(cancel.Key, StringComparer.Ordinal))
                    {
                        cancelled.Add(cancel.Key);
                    }
                    break;
                case Notify notify:
                    var data = new Dictionary<string, string>(notify.Data, StringComparer.Ordinal);
                    data.TryAdd("case", state.Id.ToString());
                    notifications.Add(new NotificationRow(notify.Recipient, notify.Template, CaseStateJson.Serialize(data)));
                    break;
                case OpenFinding finding:
                    findings.Add(new FindingRow(Guid.NewGuid(), SnakeCase(finding.Kind.ToString()), finding.ResponsibleStaffId, finding.Reason,
                        finding.EvidenceSequences));
                    break;
                default:
                    throw new NotSupportedException($"the store does not know how to apply {effect.GetType().Name}");
            }
        }

        return new CaseChange(row, current?.Version ?? 0, at)
        {
            ChainHead = current?.HistoryHead,
            History = result.History.Select(ToRow).ToList(),
            TimersToSchedule = scheduled,
            TimersToCancel = cancelled,
            Notifications = notifications,
            Findings = findings,
        };
    }

    /// The catalogue keys an item by the workflow it runs, so a definition's id is its item code.
    public static string ServiceItemCode(string definitionId) => definitionId;

    // Only the opening command names the window; a later input of the same name does not move the case.
    private static string? OpeningWindow(CaseState state) =>
        state.Data.Inputs.TryGetValue(InputNames.Window, out var window) && !string.IsNullOrWhiteSpace(window) ? window : null;

    private static HistoryRow ToRow(HistoryEntry entry) =>
        new(entry.Sequence, entry.Kind, entry.ActorId, entry.At, CaseStateJson.Serialize(new HistoryPayload(entry.Data, entry.Clock)))
        {
            Action = entry.Action,
            FromStage = entry.FromStage,
            ToStage = entry.ToStage,
        };

    private static void RemoveTimer(List<TimerRow> timers, string key)
    {
        var index = timers.FindIndex(t => t.Key == key);
        if (index >= 0)
        {
            timers.RemoveAt(index);
        }
    }

    // Written on every change; spelled out rather than rebuilt from the enum's name each time.
    private static string WarningLevelName(WarningLevel level) => level switch
    {
        WarningLevel.None => "none",
        WarningLevel.Yellow => "yellow",
        WarningLevel.Red => "red",
        WarningLevel.StatutoryRed => "statutory_red",
        _ => SnakeCase(level.ToString()),
    };

    /// `SlowAction` -> `slow_action`, the spelling the schema's check constraints use.
    public static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}
