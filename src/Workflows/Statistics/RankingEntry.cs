using System.Collections.Generic;

namespace ServiceWindow.Workflows.Statistics;

/// <summary>A window's place in a ranking with its score explained line by line.</summary>
/// <param name="Position">1 is best; windows with equal scores share a position.</param>
/// <param name="Window">The window id.</param>
/// <param name="Score">The sum of the lines' points, rounded to two places.</param>
/// <param name="Lines">How the score was made.</param>
public sealed record RankingEntry(int Position, string Window, decimal Score, IReadOnlyList<RankingLine> Lines);
