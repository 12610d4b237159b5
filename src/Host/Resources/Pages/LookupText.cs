namespace ServiceWindow.Host.Resources.Pages;

/// Marker for the citizen's look-up and rating texts: LookupText.resx (zh-CN) and LookupText.en.resx.
public sealed class LookupText;
