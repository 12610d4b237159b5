using System;
using System.Collections.Generic;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Workflows.Engine;

/// <summary>
/// One append-only record of what happened to a case. <paramref name="Sequence"/> runs 1, 2, 3... per case
/// with no gaps; findings cite entries by it. <paramref name="Clock"/> is the clock after the event.
/// </summary>
/// <param name="Sequence">Position in the case's history, from 1.</param>
/// <param name="Kind">One of <see cref="HistoryKinds"/>.</param>
/// <param name="ActorId">The staff id, or <c>system</c> for timers.</param>
/// <param name="At">When it happened.</param>
/// <param name="Action">The action or timer id, if any.</param>
/// <param name="FromStage">The stage before (null when opening).</param>
/// <param name="ToStage">The stage after.</param>
/// <param name="Data">Inputs and facts of the event (materials listed, level fired, timing...).</param>
/// <param name="Clock">The service clock after the event, if the case is on the clock.</param>
public sealed record HistoryEntry(
    int Sequence,
    string Kind,
    string ActorId,
    DateTimeOffset At,
    string? Action,
    string? FromStage,
    string? ToStage,
    IReadOnlyDictionary<string, string> Data,
    ClockSnapshot? Clock);
