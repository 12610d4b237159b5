using System;

namespace ServiceWindow.Workflows.Statistics;

/// <summary>
/// Where a bad review's rectification case (the <c>bad-review-rectification</c> definition) stood at a cut:
/// read from the case's facts, so the live figures, the close and its verification judge it alike.
/// </summary>
public static class RectificationOutcome
{
    /// <summary>The outcome of a rectification called back (整改回访完成).</summary>
    public const string Rectified = "rectified";

    /// <summary>The outcome of an upheld appeal: the review is void.</summary>
    public const string Voided = "voided";

    /// <summary>The case reached <paramref name="outcome"/> before <paramref name="cut"/>.</summary>
    public static bool Reached(CaseFacts? rectification, string outcome, DateTimeOffset cut) =>
        rectification is { CompletedAt: { } done } && done < cut && rectification.Outcome == outcome;

    /// <summary>Called back before the cut and within the case's promised limit (5 working days by default).</summary>
    public static bool OnTime(CaseFacts? rectification, DateTimeOffset cut) =>
        Reached(rectification, Rectified, cut) && !rectification!.CompletedLate;
}
