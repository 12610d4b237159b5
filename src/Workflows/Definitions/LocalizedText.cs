namespace ServiceWindow.Workflows.Definitions;

/// <summary>A name given in Chinese (the default) and English.</summary>
public sealed record LocalizedText(string Zh, string En);
