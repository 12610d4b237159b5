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
    /// Complaint verification: the history data key under which the engine records the store's count of
    /// complaints verified earlier in the year (<see cref="Engine.CaseCommand.PriorVerifiedComplaints"/>).
    /// Not an input: a caller's input of this name is dropped, so nobody outside the store can set the count.
    /// </summary>
    public const string PriorVerifiedComplaints = "prior_verified_complaints";

    /// <summary>Opening a case: the id of the window the case is opened at.</summary>
    public const string Window = "window";

    /// <summary>Opening a case: the first-inquiry owner when the case comes from an inquiry (default: the actor).</summary>
    public const string FirstInquiryOwner = "first_inquiry_owner";
}
