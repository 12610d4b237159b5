using Dapper;
using Npgsql;

namespace ServiceWindow.Persistence.Users;

/// Reads and writes sign-in accounts. A new account for an unknown login also creates its staff
/// member (with the window's department); roles are the staff member's roles.
public sealed class UserStore(NpgsqlDataSource dataSource)
{
    public async Task<UserRecord?> FindAsync(string login, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<UserRow>(new CommandDefinition(
            """
            select u.login as Login, s.display_name as DisplayName, s.department_id as DepartmentId, s.window_id as WindowId,
                   coalesce((select array_agg(r.role order by r.role) from staff_roles r where r.staff_id = s.id), '{}') as Roles,
                   u.password_hash as PasswordHash, u.failed_attempts as FailedAttempts,
                   u.locked_until as LockedUntil, u.disabled_at as DisabledAt
            from users u join staff s on s.id = u.login
            where u.login = @login
            """, new { login }, cancellationToken: cancellationToken));
        return row?.ToRecord();
    }

    /// A staff member's name and roles, whether or not they have an account.
    public async Task<(string Name, IReadOnlyList<string> Roles)?> FindStaffAsync(string staffId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var row = await connection.QuerySingleOrDefaultAsync<StaffRow>(new CommandDefinition(
            """
            select s.display_name as Name,
                   coalesce((select array_agg(r.role order by r.role) from staff_roles r where r.staff_id = s.id), '{}') as Roles
            from staff s where s.id = @staffId
            """, new { staffId }, cancellationToken: cancellationToken));
        return row is null ? null : (row.Name, row.Roles);
    }

    public async Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<UserRow>(new CommandDefinition(
            """
            select u.login as Login, s.display_name as DisplayName, s.department_id as DepartmentId, s.window_id as WindowId,
                   coalesce((select array_agg(r.role order by r.role) from staff_roles r where r.staff_id = s.id), '{}') as Roles,
                   u.password_hash as PasswordHash, u.failed_attempts as FailedAttempts,
                   u.locked_until as LockedUntil, u.disabled_at as DisabledAt
            from users u join staff s on s.id = u.login
            order by u.login
            """, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToRecord()).ToList();
    }

    /// Creates or replaces the account of <paramref name="login"/>; returns false when a new staff
    /// member would be needed but neither a window nor a department is known.
    public async Task<bool> SaveAsync(string login, string displayName, IReadOnlyList<string> roles, string? windowId, string? departmentId,
        string passwordHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var department = departmentId
            ?? (windowId is null ? null : await connection.ExecuteScalarAsync<string?>(
                "select department_id from windows where id = @windowId", new { windowId }, transaction))
            ?? await connection.ExecuteScalarAsync<string?>("select department_id from staff where id = @login", new { login }, transaction);
        if (department is null)
        {
            return false;
        }
        await connection.ExecuteAsync(
            """
            insert into staff (id, display_name, department_id, window_id) values (@login, @displayName, @department, @windowId)
            on conflict (id) do update set display_name = excluded.display_name, department_id = excluded.department_id,
                window_id = coalesce(excluded.window_id, staff.window_id), active = true
            """, new { login, displayName, department, windowId }, transaction);
        await connection.ExecuteAsync("delete from staff_roles where staff_id = @login", new { login }, transaction);
        await connection.ExecuteAsync(
            "insert into staff_roles (staff_id, role) select @login, unnest(@roles)",
            new { login, roles = roles.ToArray() }, transaction);
        await connection.ExecuteAsync(
            """
            insert into users (login, password_hash) values (@login, @passwordHash)
            on conflict (login) do update set password_hash = excluded.password_hash, failed_attempts = 0,
                locked_until = null, disabled_at = null
            """, new { login, passwordHash }, transaction);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<bool> DisableAsync(string login, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "update users set disabled_at = coalesce(disabled_at, @at) where login = @login",
            new { login, at = at.ToUniversalTime() }, cancellationToken: cancellationToken)) > 0;
    }

    /// Counts a failed sign-in; from the <paramref name="limit"/>th on, the account is locked until
    /// <paramref name="lockedUntil"/>. Counted in the database so concurrent guesses all count.
    public async Task RecordFailureAsync(string login, int limit, DateTimeOffset lockedUntil, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update users set failed_attempts = failed_attempts + 1,
                locked_until = case when failed_attempts + 1 >= @limit then @lockedUntil else locked_until end
            where login = @login
            """, new { login, limit, lockedUntil = lockedUntil.ToUniversalTime() }, cancellationToken: cancellationToken));
    }

    public async Task RecordSuccessAsync(string login, string? rehashedPassword, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update users set failed_attempts = 0, locked_until = null, password_hash = coalesce(@rehashedPassword, password_hash)
            where login = @login
            """, new { login, rehashedPassword }, cancellationToken: cancellationToken));
    }

    private sealed class StaffRow
    {
        public string Name { get; init; } = "";
        public string[] Roles { get; init; } = [];
    }

    private sealed class UserRow
    {
        public string Login { get; init; } = "";
        public string DisplayName { get; init; } = "";
        public string DepartmentId { get; init; } = "";
        public string? WindowId { get; init; }
        public string[] Roles { get; init; } = [];
        public string PasswordHash { get; init; } = "";
        public int FailedAttempts { get; init; }
        public DateTime? LockedUntil { get; init; }
        public DateTime? DisabledAt { get; init; }

        public UserRecord ToRecord() => new(Login, DisplayName, DepartmentId, WindowId, Roles, PasswordHash, FailedAttempts,
            LockedUntil is { } locked ? new DateTimeOffset(DateTime.SpecifyKind(locked, DateTimeKind.Utc)) : null,
            DisabledAt is { } disabled ? new DateTimeOffset(DateTime.SpecifyKind(disabled, DateTimeKind.Utc)) : null);
    }
}
