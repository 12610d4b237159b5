namespace ServiceWindow.Persistence.Display;

/// One active catalogue row: its short code, the definition it runs and its fee as published.
public sealed record ServiceItemEntry(string Code, string DefinitionId, string? Fee);
