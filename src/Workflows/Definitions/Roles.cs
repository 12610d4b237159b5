using System.Collections.Generic;
using System;

namespace ServiceWindow.Workflows.Definitions;

/// <summary>The staff roles definitions may name, and the recipients a notice may go to besides roles.</summary>
public static class Roles
{
    /// <summary>Window staff who take requests.</summary>
    public const string Clerk = "clerk";

    /// <summary>承办人, works a case.</summary>
    public const string Handler = "handler";

    /// <summary>窗口/科室负责人.</summary>
    public const string SectionChief = "section_chief";

    /// <summary>分管领导, approves extensions.</summary>
    public const string Leader = "leader";

    /// <summary>效能办, owns accountability.</summary>
    public const string EfficiencyOffice = "efficiency_office";

    /// <summary>Catalogue, calendars and users.</summary>
    public const string Admin = "admin";

    /// <summary>The role timers act under.</summary>
    public const string System = "system";

    /// <summary>Notice recipient: the applicant.</summary>
    public const string Applicant = "applicant";

    /// <summary>Notice recipient: the case's first-inquiry owner.</summary>
    public const string FirstInquiryOwner = "first_inquiry_owner";

    /// <summary>Every staff role.</summary>
    public static IReadOnlySet<string> All { get; } =
        new HashSet<string>([Clerk, Handler, SectionChief, Leader, EfficiencyOffice, Admin], StringComparer.Ordinal);
}
