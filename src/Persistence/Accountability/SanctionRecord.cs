using ServiceWindow.Workflows.Accountability;

namespace ServiceWindow.Persistence.Accountability;

/// The sanction of one verified complaint: the rung it reached on its person's ladder for the year.
public sealed record SanctionRecord(Guid ComplaintId, string StaffId, int Year, int Rung, Sanction Sanction);
