namespace ServiceWindow.Persistence.Users;

/// A sign-in account with the staff member it belongs to: roles, window and department come from
/// the organisation tables, the password hash and lockout from `users`.
public sealed record UserRecord(
    string Login,
    string DisplayName,
    string DepartmentId,
    string? WindowId,
    IReadOnlyList<string> Roles,
    string PasswordHash,
    int FailedAttempts,
    DateTimeOffset? LockedUntil,
    DateTimeOffset? DisabledAt);
