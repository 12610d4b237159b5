namespace ServiceWindow.Host.Resources.Pages;

/// Marker for the desk's and the case page's texts: CaseText.resx (zh-CN) and CaseText.en.resx,
/// including the names of definition inputs and actions, which definitions give only as ids.
public sealed class CaseText;
