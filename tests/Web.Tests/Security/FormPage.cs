using Microsoft.Playwright;

namespace ServiceWindow.Web.Tests.Security;

/// A page with forms that post, as the person who sees them: signed in through the real sign-in
/// cookie as <see cref="SignInAs"/>, or not at all; where (one of the planted cases), and what they
/// do first for a form to show.
public sealed record FormPage(string Name, Func<HostileCase, string> Path, string? SignInAs = null, Func<IPage, HostileCase, Task>? Reach = null);
