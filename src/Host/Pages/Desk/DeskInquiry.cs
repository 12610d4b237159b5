namespace ServiceWindow.Host.Pages.Desk;

/// An inquiry logged at the window (first-inquiry responsibility): what was asked, how, at which
/// window, and either the answer given on the spot or the window it is referred to and a contact
/// for the person asking. The key makes a resubmitted form log it once.
public sealed record DeskInquiry(
    string? Matter,
    string? Channel,
    string? Window,
    bool Refer,
    string? Answer,
    string? TargetWindow,
    string? Contact,
    string Key);
