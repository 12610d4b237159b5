using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Workflows.Tests.Support;

/// The people scenario tests use.
public static class Staff
{
    public static Actor Clerk { get; } = Actor.Staff("clerk-wang", "clerk");

    public static Actor OtherClerk { get; } = Actor.Staff("clerk-zhao", "clerk");

    public static Actor Handler { get; } = Actor.Staff("handler-li", "handler");

    public static Actor Chief { get; } = Actor.Staff("chief-zhang", "section_chief");

    public static Actor Leader { get; } = Actor.Staff("leader-chen", "leader");

    public static Actor Efficiency { get; } = Actor.Staff("eff-liu", "efficiency_office");
}
