namespace ServiceWindow.Host.Resources.Pages;

/// Marker for the supervisor board's texts and the statistics charts' labels: BoardText.resx
/// (zh-CN) and BoardText.en.resx.
public sealed class BoardText;
