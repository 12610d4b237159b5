using System;
using System.Globalization;
using ServiceWindow.Workflows.Definitions;

namespace ServiceWindow.Workflows.Engine;

/// How instants and anchors are written into history data and finding reasons: one format everywhere, so
/// the history reads the same whichever rule wrote it.
internal static class HistoryText
{
    public static string Format(DateTimeOffset? instant) =>
        instant?.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) ?? "";

    public static string Camel(TimerAnchor anchor) => anchor switch
    {
        TimerAnchor.StageEntry => "stageEntry",
        TimerAnchor.Yellow => "yellow",
        TimerAnchor.Red => "red",
        _ => "statutoryRed",
    };
}
