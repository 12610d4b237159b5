namespace ServiceWindow.Host.Demo;

/// One thing that happens to a case at a moment: opening it (<see cref="Definition"/> set), an action
/// on it, or the applicant's rating (<see cref="Rating"/> set). <see cref="Tally"/> names what the
/// step counts as in the summary once it has happened.
public sealed record DemoStep(DateTimeOffset At, Guid CaseId, string Action, DemoPerson Actor, IReadOnlyDictionary<string, string> Inputs)
{
    public string? Definition { get; init; }

    public int? Rating { get; init; }

    /// <summary>The rating's id, drawn from the seed, so the review it may become can be linked to it.</summary>
    public Guid? RatingId { get; init; }

    /// <summary>The bad review an opened rectification case is linked to.</summary>
    public Guid? LinksRating { get; init; }

    public string? Tally { get; init; }
}
