using System;
namespace ServiceWindow.Workflows.Statistics;

/// <summary>A referral (转办), counted for the target that had to acknowledge it.</summary>
/// <param name="Keys">The target window and department, and the staff member who acknowledged (or referred) it.</param>
/// <param name="ReferredAt">When it was handed over.</param>
/// <param name="AcknowledgeBy">The acknowledgement limit.</param>
/// <param name="AcknowledgedAt">When it was acknowledged, if it was.</param>
public sealed record ReferralFact(DimensionKeys Keys, DateTimeOffset ReferredAt, DateTimeOffset AcknowledgeBy, DateTimeOffset? AcknowledgedAt)
{
    /// <summary>Acknowledged by the limit.</summary>
    public bool AcknowledgedOnTime => AcknowledgedAt is { } at && at <= AcknowledgeBy;
}
