namespace ServiceWindow.Web.Tests.Security;

/// Every page route of the UI with who may open it: the one list the role × route matrix
/// (<see cref="RouteRoleMatrixTests"/>) runs over. A new page adds its line here. The sign-in page
/// itself (`/`, `/signin`) is left out: it sends a signed-in user on to their start page.
public static class UiRoutes
{
    public static readonly string[] StaffRoles = ["clerk", "handler", "section_chief", "leader", "efficiency_office", "admin"];

    private static readonly string[] QueueRoles = ["clerk", "handler", "section_chief", "leader"];
    private static readonly string[] StatisticsRoles = ["efficiency_office", "leader", "section_chief"];
    private static readonly string[] DeskRoles = ["clerk", "handler"];
    private static readonly string[] CaseRoles = ["clerk", "handler", "section_chief", "leader", "efficiency_office"];
    private static readonly string[] BoardRoles = ["section_chief", "leader", "efficiency_office"];

    public static readonly IReadOnlyList<UiRoute> All =
    [
        new("/guide"),
        new("/guide/marriage-registration"),
        new("/hall"),
        new("/hall?handler=Figures"),
        new("/lookup"),
        new("/queue", QueueRoles),
        new("/queue?handler=Rows", QueueRoles),
        new("/statistics", StatisticsRoles),
        new("/statistics?handler=Download&format=csv", StatisticsRoles),
        new("/statistics/ranking", StatisticsRoles),
        new("/admin/definitions", "admin"),
        new("/admin/definitions/marriage-registration", "admin"),
        new("/jobs", "admin", "efficiency_office"),
        new("/jobs/recurring", "admin", "efficiency_office"),
        new("/desk", DeskRoles),
        new("/desk?handler=Item&item=minimum-living-allowance", DeskRoles),
        new("/cases/{extended}", CaseRoles),
        new("/cases/{extended}/notices/acceptance", CaseRoles),
        new("/cases/{supplement}/notices/supplement", CaseRoles),
        new("/cases/{refused}/notices/refusal", CaseRoles),
        new("/cases/{extended}/notices/extension", CaseRoles),
        new("/board", BoardRoles),
        new("/board?handler=Cards", BoardRoles),
        new("/admin", "admin"),
        new("/admin/catalogue", "admin"),
        new("/admin/calendars", "admin"),
        new("/admin/users", "admin"),
    ];
}
