namespace ServiceWindow.Persistence.Queries;

/// A window with its department and the service items (definition ids) it serves.
public sealed record WindowItem(string Code, string NameZh, string NameEn, string DepartmentId, string DepartmentNameZh,
    string DepartmentNameEn, IReadOnlyList<string> ServiceItems);
