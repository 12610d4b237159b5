namespace ServiceWindow.Host.Demo;

/// One thing that happens to a case at a moment: opening it (<see cref="Definition"/> set), an action
/// on it, or the applicant's rating (<see cref="Rating"/> set). <see cref="Tally"/> names what the
/// step counts as in the summary once it has happened.
public sealed record DemoStep(DateTimeOffset At, Guid CaseId, string Action, DemoPerson Actor, IReadOnlyDictionary<string, string> Inputs)
{
    public string? Definition { get; init; }

    public int? Rating { get; init; }

    public string? Tally { get; init; }
}
