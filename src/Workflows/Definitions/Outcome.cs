namespace ServiceWindow.Workflows.Definitions;

/// <summary>A way a case ends (approved, refused, withdrawn, ...), recorded by terminal stages.</summary>
public sealed record Outcome(string Id, LocalizedText Name);
