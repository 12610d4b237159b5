namespace ServiceWindow.Host.Workflows;

/// A definition version that cannot be published, with every problem found.
public sealed class DefinitionRefusedException(IReadOnlyList<DefinitionCheckProblem> problems)
    : Exception($"the definition cannot be published: {string.Join("; ", problems.Select(p => $"{p.Path}: {p.Problem}"))}")
{
    public IReadOnlyList<DefinitionCheckProblem> Problems { get; } = problems;
}
