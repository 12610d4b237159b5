using System.Collections.Generic;
using System.Linq;
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

    /// <summary>The input of a referral naming the window it is referred to.</summary>
    public const string TargetWindowInput = "target_window";

    /// <summary>Reads the facts of one case.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="entries">Its history entries from sequence 1 on, in order (a prefix is fine: the facts as of then).</param>
    /// <param name="definition">The definition version the case runs.</param>
    /// <param name="calendar">The working calendar that decides "at least one working day early".</param>
    /// <param name="itemCode">The service item code; the definition id when the case names none.</param>
    /// <param name="department">The department owning the item (or the window), if known.</param>
    /// <param name="departmentOfWindow">The department of each window, for the windows a referral goes to.</param>
    public static CaseFacts Read(
        Guid caseId, IReadOnlyList<HistoryEntry> entries, WorkflowDefinition definition, WorkingCalendar calendar,
        string? itemCode, string? department, IReadOnlyDictionary<string, string>? departmentOfWindow = null)
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
        var referrals = new List<ReferralFact>();
        Referral? referral = null;
        DateTimeOffset? verified = null;
        string? against = null;
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
                    case ActionKind.VerifyComplaint:
                        verified = entry.At;
                        against = entry.Data.GetValueOrDefault(InputNames.Against) is { Length: > 0 } person ? person : null;
                        break;
                    case ActionKind.Acknowledge when referral is not null:
                        referrals.Add(referral.End(entry.At, entry.ActorId));
                        referral = null;
                        break;
                }
            }
            // Leaving the stage that awaits acknowledgement any other way (recalled, lost) ends the referral unacknowledged.
            if (referral is not null && entry.ToStage is { } to && to != referral.Stage)
            {
                referrals.Add(referral.End(null, null));
                referral = null;
            }
            if (referral is null && entry.Kind == HistoryKinds.Action && entry.ToStage is { } entered && entered != entry.FromStage
                && AcknowledgementLimit(definition, entered) is { } limit)
            {
                var target = entry.Data.GetValueOrDefault(TargetWindowInput) is { Length: > 0 } t ? t : null;
                referral = new Referral(entered, entry.At, DeadlineCalculator.Due(calendar, entry.At, limit).Due, entry.ActorId,
                    target, target is null ? null : departmentOfWindow?.GetValueOrDefault(target), itemCode ?? definition.Id);
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
        if (referral is not null)
        {
            referrals.Add(referral.End(null, null));
        }
        var statutory = definition.Item.StatutoryLimit;
        var keys = new DimensionKeys(department, window, staff, itemCode ?? definition.Id);
        return new CaseFacts(
            caseId,
            entries[^1].Sequence,
            keys,
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
            extensions)
        {
            Referrals = referrals,
            // A complaint counts against the person it was verified against; before that, against nobody in particular.
            Complaint = Handles(definition, ActionKind.VerifyComplaint)
                ? new ComplaintFact(keys with { Staff = against }, opening.At, verified)
                : null,
        };
    }

    // A stage awaits acknowledgement when it offers the acknowledge action; its first timer that moves
    // nothing (the reminder) is the acknowledgement limit, else its first timer at all.
    private static TimeLimit? AcknowledgementLimit(WorkflowDefinition definition, string stage)
    {
        foreach (var candidate in definition.Stages)
        {
            if (candidate.Id != stage || !candidate.Actions.Any(a => a.Kind == ActionKind.Acknowledge))
            {
                continue;
            }
            var timer = candidate.Timers.FirstOrDefault(t => t.Target is null) ?? candidate.Timers.FirstOrDefault();
            return timer?.After;
        }
        return null;
    }

    private static bool Handles(WorkflowDefinition definition, ActionKind kind) =>
        definition.Stages.Any(s => s.Actions.Any(a => a.Kind == kind));

    private sealed record Referral(string Stage, DateTimeOffset At, DateTimeOffset AcknowledgeBy, string ReferredBy,
        string? TargetWindow, string? TargetDepartment, string Item)
    {
        public ReferralFact End(DateTimeOffset? acknowledgedAt, string? acknowledgedBy) =>
            new(new DimensionKeys(TargetDepartment, TargetWindow, acknowledgedBy ?? ReferredBy, Item), At, AcknowledgeBy, acknowledgedAt);
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
