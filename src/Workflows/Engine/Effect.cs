using System;
using System.Collections.Generic;
using ServiceWindow.Workflows.Accountability;

namespace ServiceWindow.Workflows.Engine;

/// <summary>
/// Something the engine asks the outside world to do; the engine never performs effects. Apply them in
/// order: a <see cref="CancelTimer"/> followed by a <see cref="ScheduleTimer"/> of the same key reschedules it.
/// </summary>
public abstract record Effect;

/// <summary>Fire <see cref="WorkflowEngine.FireTimer"/> with <paramref name="Key"/> at <paramref name="DueAt"/>. Replaces a pending timer of the same key.</summary>
public sealed record ScheduleTimer(string Key, string Name, DateTimeOffset DueAt) : Effect;

/// <summary>Drop the pending timer <paramref name="Key"/>; firing it anyway is harmless.</summary>
public sealed record CancelTimer(string Key) : Effect;

/// <summary>
/// Send a notice. <paramref name="Recipient"/> is a staff id, a role, or <c>applicant</c>; a role scoped to a
/// window carries the window in <c>Data["window"]</c>.
/// </summary>
public sealed record Notify(string Recipient, string Template, IReadOnlyDictionary<string, string> Data) : Effect;

/// <summary>Open an accountability finding against a staff member, citing history entries by sequence.</summary>
public sealed record OpenFinding(FindingKind Kind, string ResponsibleStaffId, string Reason, IReadOnlyList<int> EvidenceSequences) : Effect;
