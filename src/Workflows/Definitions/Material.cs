namespace ServiceWindow.Workflows.Definitions;

/// <summary>A material the applicant must provide; supplement notices name materials by id.</summary>
public sealed record Material(string Id, LocalizedText Name);
