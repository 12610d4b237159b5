using System.Collections.Generic;

namespace ServiceWindow.Workflows.Engine;

/// <summary>
/// What the case has gathered: the latest value of every input given, the supplement notices sent and a
/// pending extension request.
/// </summary>
public sealed record CaseData(
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyList<SupplementNotice> Supplements,
    ExtensionRequest? PendingExtension)
{
    /// <summary>No inputs, no notices.</summary>
    public static CaseData Empty { get; } = new(new Dictionary<string, string>(), [], null);
}
