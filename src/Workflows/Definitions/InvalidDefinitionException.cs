using System.Collections.Generic;
using System;

namespace ServiceWindow.Workflows.Definitions;

/// <summary>A definition (or a set of them) was refused; <see cref="Problems"/> lists every reason.</summary>
public sealed class InvalidDefinitionException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    public InvalidDefinitionException(IReadOnlyList<DefinitionProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<DefinitionProblem> Problems { get; }

    private static string Describe(IReadOnlyList<DefinitionProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count);
        return problems.Count == 1
            ? $"invalid workflow definition: {problems[0]}"
            : $"invalid workflow definitions ({problems.Count} problems):\n{string.Join("\n", problems)}";
    }
}
