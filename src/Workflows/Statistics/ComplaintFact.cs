using System;
namespace ServiceWindow.Workflows.Statistics;

/// <summary>A complaint, counted in the month received; verified ones also in the month decided.</summary>
/// <param name="Keys">The complained-of staff member, with the subject case's window, department and item.</param>
/// <param name="ReceivedAt">When it came in.</param>
/// <param name="VerifiedAt">When it was found true (查实), if it was.</param>
public sealed record ComplaintFact(DimensionKeys Keys, DateTimeOffset ReceivedAt, DateTimeOffset? VerifiedAt);
