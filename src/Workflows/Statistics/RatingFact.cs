using System;
namespace ServiceWindow.Workflows.Statistics;

/// <summary>A satisfaction rating (好差评) that was not voided by hand.</summary>
/// <param name="Keys">The rated window and staff member, with the case's department and item.</param>
/// <param name="Score">1 to 5; 1 and 2 are bad reviews.</param>
/// <param name="RatedAt">When it was given.</param>
/// <param name="RectificationCase">For a bad review: the bad-review-rectification case opened for it, if any.</param>
public sealed record RatingFact(DimensionKeys Keys, int Score, DateTimeOffset RatedAt, Guid? RectificationCase = null)
{
    /// <summary>A score of 1 or 2.</summary>
    public bool IsBadReview => Score <= 2;
}
