using Microsoft.AspNetCore.Identity;
using ServiceWindow.Persistence.Users;

namespace ServiceWindow.Host.Security;

/// Sign-in accounts: what the CLI, the demo set-up, the token endpoint and the web UI's cookie
/// sign-in call. Passwords are hashed with ASP.NET Core Identity's PasswordHasher; after
/// `MaxFailedAttempts` wrong passwords in a row the account is locked for `LockoutDuration`.
public sealed class UserAccounts(UserStore store, TimeProvider clock)
{
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
    public const int MinimumPasswordLength = 8;

    private static readonly PasswordHasher<string> Hasher = new();

    /// Creates or replaces an account. A login that is not a staff member yet becomes one, in the
    /// window's department (or the given department).
    public async Task AddAsync(string login, string displayName, IReadOnlyList<string> roles, string password, string? windowId = null,
        string? departmentId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(login);
        ArgumentException.ThrowIfNullOrWhiteSpace(displayName);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(password);
        if (roles.Count == 0 || roles.Any(r => !StaffRoles.All.Contains(r)))
        {
            throw new ArgumentException($"roles must be some of {string.Join(", ", StaffRoles.All)}", nameof(roles));
        }
        if (password.Length < MinimumPasswordLength)
        {
            throw new ArgumentException($"a password needs at least {MinimumPasswordLength} characters", nameof(password));
        }
        if (!await store.SaveAsync(login, displayName, roles.Distinct().ToList(), windowId, departmentId, Hasher.HashPassword(login, password),
                cancellationToken))
        {
            throw new ArgumentException($"'{login}' is not a staff member yet: give a window (or a department)", nameof(windowId));
        }
    }

    public Task<IReadOnlyList<UserRecord>> ListAsync(CancellationToken cancellationToken = default) => store.ListAsync(cancellationToken);

    /// False when there is no such account.
    public Task<bool> DisableAsync(string login, CancellationToken cancellationToken = default) =>
        store.DisableAsync(login, clock.GetUtcNow(), cancellationToken);

    public async Task<SignInResult> VerifyAsync(string login, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(login);
        ArgumentNullException.ThrowIfNull(password);
        var user = string.IsNullOrWhiteSpace(login) ? null : await store.FindAsync(login, cancellationToken);
        if (user is null)
        {
            // Hash anyway, so an unknown login costs as long as a wrong password.
            Hasher.VerifyHashedPassword("", UnknownUserHash, password);
            return new SignInResult(SignInOutcome.WrongCredentials, null);
        }
        var now = clock.GetUtcNow();
        if (user.DisabledAt is not null)
        {
            return new SignInResult(SignInOutcome.Disabled, null);
        }
        if (user.LockedUntil is { } until && until > now)
        {
            return new SignInResult(SignInOutcome.LockedOut, null);
        }
        var verdict = Hasher.VerifyHashedPassword(user.Login, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            await store.RecordFailureAsync(user.Login, MaxFailedAttempts, now + LockoutDuration, cancellationToken);
            return new SignInResult(user.FailedAttempts + 1 >= MaxFailedAttempts ? SignInOutcome.LockedOut : SignInOutcome.WrongCredentials, null);
        }
        var rehashed = verdict == PasswordVerificationResult.SuccessRehashNeeded ? Hasher.HashPassword(user.Login, password) : null;
        await store.RecordSuccessAsync(user.Login, rehashed, cancellationToken);
        return new SignInResult(SignInOutcome.Succeeded, user);
    }

    private static readonly string UnknownUserHash = Hasher.HashPassword("", Guid.NewGuid().ToString());
}
