using System.Collections.Generic;

namespace ServiceWindow.Workflows.Engine.Actions;

/// What an action kind adds to the history entry, the notices and the effects of the action it runs in.
internal sealed class ActionRecord(int sequence, Dictionary<string, string> data, Dictionary<string, string> notifyData)
{
    /// The sequence number the action's history entry gets.
    public int Sequence { get; } = sequence;

    /// The history entry's data, starting as the caller's inputs.
    public Dictionary<string, string> Data { get; } = data;

    /// The data every notice of the action carries.
    public Dictionary<string, string> NotifyData { get; } = notifyData;

    /// Findings the action opens, added after its history entry.
    public List<OpenFinding> Findings { get; } = [];

    /// Set by a kind that decides the responsible person itself, over the definition's <c>handler</c>.
    public string? Handler { get; set; }
}
