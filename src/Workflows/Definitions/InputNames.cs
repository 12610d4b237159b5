namespace ServiceWindow.Workflows.Definitions;

/// <summary>Command inputs the engine itself reads; a definition declares them on the actions that need them.</summary>
public static class InputNames
{
    /// <summary>Supplement request: comma-separated ids of every missing material (one-time notice).</summary>
    public const string Materials = "materials";

    /// <summary>Extension request: the extra time, e.g. <c>15wd</c>.</summary>
    public const string Extension = "extension";

    /// <summary>Extension request: the reason sent to the applicant.</summary>
    public const string Reason = "reason";

    /// <summary>Complaint verification: the staff id the verified complaint is against.</summary>
    public const string Against = "against";

    /// <summary>
    /// Complaint verification: how many complaints against that person were verified earlier in the same
    /// calendar year. A cross-case fact the pure engine cannot see: the caller fills it from its store.
    /// </summary>
    public const string PriorVerifiedComplaints = "prior_verified_complaints";

    /// <summary>Opening a case: the id of the window the case is opened at.</summary>
    public const string Window = "window";

    /// <summary>Opening a case: the first-inquiry owner when the case comes from an inquiry (default: the actor).</summary>
    public const string FirstInquiryOwner = "first_inquiry_owner";
}
