namespace ServiceWindow.Host.Resources.Pages;

/// Marker for the printed notices' texts: NoticeText.resx (zh-CN) and NoticeText.en.resx.
public sealed class NoticeText;
