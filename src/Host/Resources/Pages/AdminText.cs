namespace ServiceWindow.Host.Resources.Pages;

/// Marker for the admin pages' texts and the calendar warning: AdminText.resx (zh-CN) and AdminText.en.resx.
public sealed class AdminText;
