namespace ServiceWindow.Host.Resources.Pages;

/// Marker for the statistics page's texts: StatisticsText.resx (zh-CN) and StatisticsText.en.resx.
public sealed class StatisticsText;
