namespace ServiceWindow.Persistence.Queries;

/// Which cases a reader may see: everything, or the cases they own or hold, their window's and
/// (for a section chief) their department's.
public sealed record CaseScope(bool Everything, string StaffId, string? WindowId, string? DepartmentId)
{
    public static CaseScope All(string staffId) => new(true, staffId, null, null);
}
