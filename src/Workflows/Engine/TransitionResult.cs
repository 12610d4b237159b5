using System.Collections.Generic;

namespace ServiceWindow.Workflows.Engine;

/// <summary>
/// What a transition produced: the new state, the history entries to append (sequences continuing the
/// case's history) and the effects to perform. An empty result (no history) means nothing changed.
/// </summary>
public sealed record TransitionResult(CaseState State, IReadOnlyList<HistoryEntry> History, IReadOnlyList<Effect> Effects)
{
    /// <summary>True when the transition changed nothing (e.g. a timer no longer pending).</summary>
    public bool IsEmpty => History.Count == 0;
}
