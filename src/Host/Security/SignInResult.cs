using ServiceWindow.Persistence.Users;

namespace ServiceWindow.Host.Security;

/// The outcome of a sign-in attempt and, when it succeeded, the account.
public sealed record SignInResult(SignInOutcome Outcome, UserRecord? User);
