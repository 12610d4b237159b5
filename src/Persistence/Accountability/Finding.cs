using ServiceWindow.Workflows.Accountability;

namespace ServiceWindow.Persistence.Accountability;

/// One entry of the accountability register (问责登记).
public sealed record Finding(
    Guid Id,
    FindingKind Kind,
    Guid? CaseId,
    string? WindowId,
    string ResponsibleStaffId,
    string Reason,
    IReadOnlyList<int> EvidenceSequences,
    FindingStatus Status,
    DateTimeOffset OpenedAt,
    string? Statement,
    DateTimeOffset? StatementAt,
    DateTimeOffset? DecidedAt,
    string? DecidedBy);
