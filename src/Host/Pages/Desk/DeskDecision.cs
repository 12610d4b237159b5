namespace ServiceWindow.Host.Pages.Desk;

/// What the clerk does with an application at the window.
public enum DeskDecision
{
    Accept,
    Supplement,
    Refuse,
}
