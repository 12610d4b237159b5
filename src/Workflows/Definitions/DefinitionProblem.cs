namespace ServiceWindow.Workflows.Definitions;

/// <summary>One thing wrong with a definition file: the file, the JSON path and the problem.</summary>
public sealed record DefinitionProblem(string File, string Path, string Problem)
{
    /// <summary><c>file: $.path: problem</c>, the form the CLI prints.</summary>
    public override string ToString() => $"{File}: {Path}: {Problem}";
}
