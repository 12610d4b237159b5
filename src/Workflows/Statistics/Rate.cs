using System;
namespace ServiceWindow.Workflows.Statistics;

/// <summary>A share with what it is a share of, so a reader can check it; no value when nothing was counted.</summary>
/// <param name="Numerator">What was counted.</param>
/// <param name="Denominator">Out of how many.</param>
public readonly record struct Rate(long Numerator, long Denominator)
{
    /// <summary>Numerator / denominator rounded to four places, or null for 0 / 0.</summary>
    public decimal? Value => Denominator == 0 ? null : Math.Round((decimal)Numerator / Denominator, 4, MidpointRounding.AwayFromZero);
}
