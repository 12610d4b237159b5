namespace ServiceWindow.Workflows.Statistics;

/// <summary>One line of a score's explanation: which figure, its value as counted, the weight and the points it gave.</summary>
/// <param name="Term">onTimeRate, satisfactionRate, overdue, statutoryBreaches or confirmedFindings.</param>
/// <param name="Figure">The rate (null when nothing was counted) or the count.</param>
/// <param name="Numerator">The rate's numerator, or the count.</param>
/// <param name="Denominator">The rate's denominator; null for a count.</param>
/// <param name="Weight">The configured weight.</param>
/// <param name="Points">What the line adds to the score (negative for a penalty).</param>
public sealed record RankingLine(string Term, decimal? Figure, long Numerator, long? Denominator, decimal Weight, decimal Points);
