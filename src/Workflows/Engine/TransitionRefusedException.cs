using System;

namespace ServiceWindow.Workflows.Engine;

/// <summary>A command was refused; nothing changed. The message names the stage and the action.</summary>
public class TransitionRefusedException : Exception
{
    /// <summary>Creates the refusal.</summary>
    public TransitionRefusedException(string stage, string action, RefusalKind kind, string reason)
        : base($"action '{action}' refused in stage '{stage}': {reason}")
    {
        Stage = stage;
        Action = action;
        Kind = kind;
        Reason = reason;
    }

    /// <summary>The case's stage when the command arrived (<c>(new)</c> when opening).</summary>
    public string Stage { get; }

    /// <summary>The action refused.</summary>
    public string Action { get; }

    /// <summary>Why, as a category.</summary>
    public RefusalKind Kind { get; }

    /// <summary>Why, in words.</summary>
    public string Reason { get; }

    /// <summary>True when the caller's view of the case was stale: reload and retry.</summary>
    public bool IsVersionConflict => Kind == RefusalKind.StaleVersion;
}
