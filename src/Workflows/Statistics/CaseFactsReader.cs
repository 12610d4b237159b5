using System.Collections.Generic;
using System;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Clock;
using ServiceWindow.Workflows.Definitions;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Workflows.Statistics;

/// <summary>
/// Reads a case's <see cref="CaseFacts"/> from its history entries, so the live projection and the
/// verification of a closed month derive them the same way from the same record.
/// </summary>
public static class CaseFactsReader
{
    /// <summary>The input of the opening entry naming the intake window.</summary>
    public const string WindowInput = "window";

    /// <summary>Reads the facts of one case.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="entries">Its history entries from sequence 1 on, in order (a prefix is fine: the facts as of then).</param>
    /// <param name="definition">The definition version the case runs.</param>
    /// <param name="calendar">The working calendar that decides "at least one working day early".</param>
    /// <param name="itemCode">The service item code; the definition id when the case names none.</param>
    /// <param name="department">The department owning the item (or the window), if known.</param>
    public static CaseFacts Read(
        Guid caseId, IReadOnlyList<HistoryEntry> entries, WorkflowDefinition definition, WorkingCalendar calendar,
        string? itemCode, string? department)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentOutOfRangeException.ThrowIfZero(entries.Count, nameof(entries));

        var opening = entries[0];
        var window = opening.Data.GetValueOrDefault(WindowInput);
        var staff = opening.Data.GetValueOrDefault(InputNames.FirstInquiryOwner) is { Length: > 0 } owner ? owner : opening.ActorId;
        DateTimeOffset? accepted = null, completed = null;
        string? outcome = null;
        int? used = null;
        ClockSnapshot? lastClock = null;
        var supplements = new List<DateTimeOffset>();
        var extensions = new List<DateTimeOffset>();
        foreach (var entry in entries)
        {
            if (entry.Clock is { } clock)
            {
                accepted ??= entry.At;
                lastClock = clock;
            }
            if (entry.Data.TryGetValue("handler", out var handler) && handler.Length > 0)
            {
                staff = handler;
            }
            if (entry.Kind == HistoryKinds.Action && entry.FromStage is { } from && entry.Action is { } action)
            {
                switch (KindOf(definition, from, action))
                {
                    case ActionKind.RequestSupplement:
                        supplements.Add(entry.At);
                        break;
                    case ActionKind.ApproveExtension:
                        extensions.Add(entry.At);
                        break;
                }
            }
            if (entry.Kind == HistoryKinds.Completed)
            {
                completed = entry.At;
                outcome = entry.Data.GetValueOrDefault("outcome");
                used = entry.Clock?.WorkingDaysUsed;
            }
        }

        var promised = lastClock?.Promised.Due;
        var early = completed is { } done && promised is { } due && done <= due
            && calendar.WorkingDaysBetween(calendar.LocalDate(done), calendar.LocalDate(due)) >= 1;
        var statutory = definition.Item.StatutoryLimit;
        return new CaseFacts(
            caseId,
            entries[^1].Sequence,
            new DimensionKeys(department, window, staff, itemCode ?? definition.Id),
            definition.Item.Kind,
            accepted,
            completed,
            outcome,
            promised,
            lastClock?.Statutory.Due,
            early,
            accepted is null ? null : used,
            statutory.Unit == TimeLimitUnit.WorkingDays && statutory.Amount > 0 ? statutory.Amount : null,
            supplements,
            extensions);
    }

    private static ActionKind? KindOf(WorkflowDefinition definition, string stage, string action)
    {
        foreach (var candidate in definition.Stages)
        {
            if (candidate.Id == stage)
            {
                return candidate.FindAction(action)?.Kind;
            }
        }
        return null;
    }
}
