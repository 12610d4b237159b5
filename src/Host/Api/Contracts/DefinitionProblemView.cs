namespace ServiceWindow.Host.Api.Contracts;

/// One problem of a candidate definition: its JSON path, the line it starts on, and what is wrong.
public sealed record DefinitionProblemView(string Path, int Line, string Problem);
