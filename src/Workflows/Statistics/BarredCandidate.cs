namespace ServiceWindow.Workflows.Statistics;

/// <summary>A window or staff member left out of a quarter's honours by the findings confirmed against it in the quarter.</summary>
/// <param name="Key">The window or staff id.</param>
/// <param name="ConfirmedFindings">The findings confirmed against it in the quarter (at least one).</param>
public sealed record BarredCandidate(string Key, long ConfirmedFindings);
