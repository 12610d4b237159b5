namespace ServiceWindow.Host.Security;

/// How a sign-in attempt ended. Callers answer every failure alike, so a guesser learns nothing.
public enum SignInOutcome
{
    Succeeded,
    WrongCredentials,
    LockedOut,
    Disabled,
}
