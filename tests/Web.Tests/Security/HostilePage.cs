using Microsoft.Playwright;

namespace ServiceWindow.Web.Tests.Security;

/// A page that prints a text someone typed: who looks at it (no staff = anonymous), where, and what
/// they do there before the text shows (a lookup fills its form).
public sealed record HostilePage(string Name, string? Staff, string[] Roles, Func<HostileCase, string> Path, Func<IPage, HostileCase, Task>? Reach = null);
