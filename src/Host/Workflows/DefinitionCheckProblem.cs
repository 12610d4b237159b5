namespace ServiceWindow.Host.Workflows;

/// One problem of a candidate definition: where (JSON path and line) and what.
public sealed record DefinitionCheckProblem(string Path, int Line, string Problem);
