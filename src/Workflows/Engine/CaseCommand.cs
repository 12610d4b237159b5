using System.Collections.Generic;
using System;

namespace ServiceWindow.Workflows.Engine;

/// <summary>
/// An action requested on a case. <paramref name="ExpectedVersion"/> is the case version the caller saw
/// (0 when opening); a stale one is refused with a <see cref="VersionConflictException"/>.
/// </summary>
public sealed record CaseCommand(string Action, Actor Actor, long ExpectedVersion, IReadOnlyDictionary<string, string> Inputs)
{
    /// <summary>The action id.</summary>
    public string Action { get; } = !string.IsNullOrWhiteSpace(Action) ? Action : throw new ArgumentException("an action is required", nameof(Action));

    /// <summary>Who requests it.</summary>
    public Actor Actor { get; } = Actor ?? throw new ArgumentNullException(nameof(Actor));

    /// <summary>The inputs, by name.</summary>
    public IReadOnlyDictionary<string, string> Inputs { get; } = Inputs ?? throw new ArgumentNullException(nameof(Inputs));

    /// <summary>
    /// How many complaints against the person named by the input <see cref="Definitions.InputNames.Against"/>
    /// were verified earlier in the same calendar year: the sanction ladder's input for a
    /// <see cref="Definitions.ActionKind.VerifyComplaint"/> action. Filled by the store from its findings,
    /// never from the caller's inputs; null when the store has not counted, and verification is then refused.
    /// </summary>
    public int? PriorVerifiedComplaints { get; init; }

    /// <summary>A command with no inputs.</summary>
    public static CaseCommand Of(string action, Actor actor, long expectedVersion) =>
        new(action, actor, expectedVersion, EmptyInputs);

    internal static IReadOnlyDictionary<string, string> EmptyInputs { get; } = new Dictionary<string, string>();
}
