namespace ServiceWindow.Workflows.Definitions;

/// <summary>
/// A notice to send: <paramref name="To"/> is a role, <c>handler</c> (the responsible person),
/// <c>first_inquiry_owner</c>, <c>applicant</c>, or <c>role@input</c> for that role at the window named
/// by the case input <c>input</c> (e.g. <c>section_chief@target_window</c>).
/// </summary>
public sealed record Notification(string To, string Template);
