namespace ServiceWindow.Workflows.Definitions;

/// <summary>What an action does besides moving the case to its target stage.</summary>
public enum ActionKind
{
    /// <summary>Only moves the case (and records its inputs).</summary>
    Move,

    /// <summary>One-time notice of missing materials (input <c>materials</c>); the target stage pauses the clock.</summary>
    RequestSupplement,

    /// <summary>Asks for an extension (inputs <c>extension</c>, <c>reason</c>); refused with a misconduct finding after the deadline.</summary>
    RequestExtension,

    /// <summary>A leader approves the pending extension request and the applicant is told why.</summary>
    ApproveExtension,

    /// <summary>The actor acknowledges a referral and becomes the responsible person.</summary>
    Acknowledge,

    /// <summary>A complaint is found true against a staff member (input <c>against</c>); feeds the sanction ladder.</summary>
    VerifyComplaint,
}
