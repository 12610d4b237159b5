using Microsoft.Playwright;

namespace ServiceWindow.Web.Tests.Security;

/// A page with forms that post, as the person who sees them: signed in through the real sign-in
/// cookie (<see cref="CookieSignIn"/>) or not at all, and what they do first for a form to show.
public sealed record FormPage(string Name, string Path, bool CookieSignIn = false, Func<IPage, HostileCase, Task>? Reach = null);
