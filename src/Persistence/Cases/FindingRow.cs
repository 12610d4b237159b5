namespace ServiceWindow.Persistence.Cases;

/// An accountability finding opened by a command; `Kind` is the snake_case name the schema checks.
public sealed record FindingRow
{
    public FindingRow(Guid id, string kind, string responsibleStaffId, string reason, IReadOnlyList<int> evidenceSequences)
    {
        ArgumentOutOfRangeException.ThrowIfEqual(id, Guid.Empty);
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(responsibleStaffId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(evidenceSequences);
        Id = id;
        Kind = kind;
        ResponsibleStaffId = responsibleStaffId;
        Reason = reason;
        EvidenceSequences = evidenceSequences;
    }

    public Guid Id { get; }
    public string Kind { get; }
    public string ResponsibleStaffId { get; }
    public string Reason { get; }
    public IReadOnlyList<int> EvidenceSequences { get; }
}
