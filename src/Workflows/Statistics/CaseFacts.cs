using System.Collections.Generic;
using System;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Workflows.Statistics;

/// <summary>
/// What the monthly statistics need to know about one case, read from its history (see
/// <see cref="CaseFactsReader"/>). Times are instants; months are cut in the calendar's zone later.
/// </summary>
/// <param name="CaseId">The case.</param>
/// <param name="HistoryLength">How many history entries these facts were read from.</param>
/// <param name="Keys">Department, window, responsible staff member and item of the case.</param>
/// <param name="Kind">Immediate or promised.</param>
/// <param name="AcceptedAt">When the clock started (受理); null for a case never accepted (an inquiry).</param>
/// <param name="CompletedAt">When the case reached a terminal stage, if it did.</param>
/// <param name="Outcome">The terminal outcome.</param>
/// <param name="PromisedDue">The promised deadline as last recorded (at completion for a completed case).</param>
/// <param name="StatutoryDue">The statutory deadline as last recorded.</param>
/// <param name="CompletedEarly">Completed at least one working day before the promised due day.</param>
/// <param name="WorkingDaysUsed">Working days on the clock at completion, pauses excluded.</param>
/// <param name="StatutoryWorkingDays">The statutory limit when it is counted in working days and above zero.</param>
/// <param name="Supplements">When each supplement notice (补正) was sent.</param>
/// <param name="Extensions">When each extension was granted.</param>
public sealed record CaseFacts(
    Guid CaseId,
    int HistoryLength,
    DimensionKeys Keys,
    ItemKind Kind,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? CompletedAt,
    string? Outcome,
    DateTimeOffset? PromisedDue,
    DateTimeOffset? StatutoryDue,
    bool CompletedEarly,
    int? WorkingDaysUsed,
    int? StatutoryWorkingDays,
    IReadOnlyList<DateTimeOffset> Supplements,
    IReadOnlyList<DateTimeOffset> Extensions)
{
    /// <summary>The referrals (转办) an inquiry case made, each counted for the window it was referred to.</summary>
    public IReadOnlyList<ReferralFact> Referrals { get; init; } = [];

    /// <summary>The complaint a complaint case is, when the case runs a definition that verifies complaints.</summary>
    public ComplaintFact? Complaint { get; init; }

    /// <summary>Completed after the promised deadline.</summary>
    public bool CompletedLate => CompletedAt is { } done && PromisedDue is { } due && done > due;

    /// <summary>Completed after the statutory deadline.</summary>
    public bool CompletedPastStatutory => CompletedAt is { } done && StatutoryDue is { } due && done > due;
}
