namespace ServiceWindow.Host.Pages.Desk;

/// An application as the clerk takes it down at the window: the item, the window, the applicant,
/// the materials handed in, the item's own inputs (the start's, the acceptance's and a refusal's
/// reason) and the decision. The key makes a resubmitted form open the same case once.
public sealed record DeskApplication(
    string? Item,
    string? Window,
    string? ApplicantName,
    string? IdNumber,
    string? Phone,
    IReadOnlyList<string> Received,
    IReadOnlyDictionary<string, string> Inputs,
    DeskDecision Decision,
    string Key);
