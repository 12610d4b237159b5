namespace ServiceWindow.Persistence.Accountability;

/// One year of the register as rows, in <see cref="Columns"/> order: codes (kind, status, sanction)
/// as stored, times already in the office's zone, personal names masked.
public sealed record RegisterTable(RegisterKind Kind, int Year, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows);
