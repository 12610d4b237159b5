using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Host.Security;

/// Who may call what, in the role names of the domain rules (`Roles`), as they appear in
/// `staff_roles` and in role claims.
public static class StaffRoles
{
    public const string Clerk = Roles.Clerk;
    public const string Handler = Roles.Handler;
    public const string SectionChief = Roles.SectionChief;
    public const string Leader = Roles.Leader;
    public const string EfficiencyOffice = Roles.EfficiencyOffice;
    public const string Admin = Roles.Admin;

    public static IReadOnlyList<string> All { get; } = [Clerk, Handler, SectionChief, Leader, EfficiencyOffice, Admin];

    /// Everyone who works cases and may read their personal data (admin does not).
    public static string[] CaseReaders { get; } = [Clerk, Handler, SectionChief, Leader, EfficiencyOffice];

    /// Who takes requests at a window and opens cases.
    public static string[] Intake { get; } = [Clerk];

    /// Who may take actions on a case; the definition decides which action each role may take.
    public static string[] CaseWorkers { get; } = [Clerk, Handler, SectionChief, Leader, EfficiencyOffice];

    /// Who has a queue of their own.
    public static string[] QueueHolders { get; } = [Clerk, Handler, SectionChief, Leader];
}
