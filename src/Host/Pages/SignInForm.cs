namespace ServiceWindow.Host.Pages;

/// What the sign-in form shows again after a refused attempt: the login typed and why it was refused.
public sealed record SignInForm(string? Login, string? Message)
{
    public static SignInForm Empty { get; } = new(null, null);
}
