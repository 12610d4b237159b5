namespace ServiceWindow.Workflows.Statistics;

/// <summary>A window to rank: its figures for the period and the findings against it confirmed in the period.</summary>
/// <param name="Window">The window id.</param>
/// <param name="Figures">Its monthly (or summed quarterly) figures.</param>
/// <param name="ConfirmedFindings">Findings confirmed against the window or its staff in the period.</param>
public sealed record RankingCandidate(string Window, MonthlyFigures Figures, long ConfirmedFindings);
