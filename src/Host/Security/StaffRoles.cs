namespace ServiceWindow.Host.Security;

/// The role names of the domain rules, as they appear in `staff_roles` and in role claims.
public static class StaffRoles
{
    public const string Clerk = "clerk";
    public const string Handler = "handler";
    public const string SectionChief = "section_chief";
    public const string Leader = "leader";
    public const string EfficiencyOffice = "efficiency_office";
    public const string Admin = "admin";

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
