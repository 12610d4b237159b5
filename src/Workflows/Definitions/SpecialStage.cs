using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Workflows.Definitions;

/// <summary>
/// A special stage of the item (hearing, appraisal, expert review, testing, public notice) with its
/// usual duration and whether its time counts toward the limit (Administrative Licensing Law art. 45).
/// </summary>
public sealed record SpecialStage(string Id, LocalizedText Name, bool Counts, TimeLimit? Duration);
