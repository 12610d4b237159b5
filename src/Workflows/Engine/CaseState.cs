using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Workflows.Engine;

/// <summary>
/// The current state of one case, as the engine left it. Immutable; round-trips through System.Text.Json
/// (default options plus <c>JsonStringEnumConverter</c>) so a store can keep it as one document.
/// </summary>
/// <param name="Id">The case id.</param>
/// <param name="DefinitionId">The definition the case runs.</param>
/// <param name="DefinitionVersion">The version it started on and keeps.</param>
/// <param name="Stage">The current stage id.</param>
/// <param name="Version">Incremented by every transition that changes the case; commands name it.</param>
/// <param name="HistoryLength">The sequence number of the last history entry.</param>
/// <param name="FirstInquiryOwner">首问责任人: the staff member first approached, for life.</param>
/// <param name="Handler">The responsible person now, if assigned.</param>
/// <param name="Clock">The service clock, from acceptance on.</param>
/// <param name="WarningLevel">The warning level at the last transition.</param>
/// <param name="PromisedDue">The promised deadline at the last transition, if on the clock.</param>
/// <param name="StatutoryDue">The statutory deadline at the last transition, if on the clock.</param>
/// <param name="DeadlinesProvisional">True when a deadline runs past the calendar's covered years.</param>
/// <param name="Timers">Timers the case is waiting for.</param>
/// <param name="FiredEscalations">Escalation levels already fired, by clock episode.</param>
/// <param name="FiredTimers">Stage and inaction timer keys already fired (so they are not rescheduled).</param>
/// <param name="Data">Inputs, supplement notices, pending extension request.</param>
/// <param name="Outcome">The outcome once the case is closed.</param>
/// <param name="Completion">Timing against both deadlines, for a closed case that ran on the clock.</param>
/// <param name="OpenedAt">When the case was opened.</param>
/// <param name="StageEnteredAt">When the case entered its current stage.</param>
/// <param name="StageEntrySequence">The history entry that entered the current stage.</param>
/// <param name="LastTouchedAt">The last staff action (inaction counts from it).</param>
/// <param name="LastTouchSequence">The history entry of the last staff action.</param>
/// <param name="UpdatedAt">The last transition of any kind.</param>
public sealed record CaseState(
    Guid Id,
    string DefinitionId,
    int DefinitionVersion,
    string Stage,
    long Version,
    int HistoryLength,
    string FirstInquiryOwner,
    string? Handler,
    ServiceClock? Clock,
    WarningLevel WarningLevel,
    DateTimeOffset? PromisedDue,
    DateTimeOffset? StatutoryDue,
    bool DeadlinesProvisional,
    IReadOnlyList<PendingTimer> Timers,
    IReadOnlyList<FiredEscalation> FiredEscalations,
    IReadOnlyList<string> FiredTimers,
    CaseData Data,
    string? Outcome,
    Completion? Completion,
    DateTimeOffset OpenedAt,
    DateTimeOffset StageEnteredAt,
    int StageEntrySequence,
    DateTimeOffset LastTouchedAt,
    int LastTouchSequence,
    DateTimeOffset UpdatedAt)
{
    /// <summary>True once the case reached a terminal stage.</summary>
    [JsonIgnore]
    public bool IsClosed => Outcome is not null;

    /// <summary>The person findings name: the handler, or the first-inquiry owner until someone takes over.</summary>
    [JsonIgnore]
    public string Responsible => Handler ?? FirstInquiryOwner;
}
