namespace ServiceWindow.Host.Resources;

/// Marker for the texts of the staff pages (sign-in, desk, queue, case page, notices):
/// DeskText.resx (zh-CN, the neutral language) and DeskText.en.resx.
public sealed class DeskText;
