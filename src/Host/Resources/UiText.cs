namespace ServiceWindow.Host.Resources;

/// Marker for the UI's texts: UiText.resx (zh-CN, the neutral language) and UiText.en.resx.
public sealed class UiText;
