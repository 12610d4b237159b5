using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Persistence.Satisfaction;

/// The `ServiceWindow:Satisfaction` settings: when the one reminder goes, which workflows the office
/// runs on itself (nobody outside rates those), and how far back a sweep looks.
public sealed record SatisfactionOptions
{
    public const string Section = "ServiceWindow:Satisfaction";

    /// After completion, without a rating. Working days, as every period in the rules unless named otherwise.
    public string ReminderAfter { get; init; } = "3wd";

    /// The definitions whose cases are not the applicant's matter: no invitation, no rectification of them.
    public IReadOnlyList<string> ExemptDefinitions { get; init; } = [BadReviewRectifications.Definition, "complaint-handling"];

    /// Cases completed and bad reviews given longer ago than this are left alone: a sweep back after a long
    /// outage, or a history loaded in bulk, does not text applicants about matters long closed.
    public TimeSpan LookBack { get; init; } = TimeSpan.FromDays(7);

    public int BatchSize { get; init; } = 500;

    /// What is wrong with these settings; empty when the sweep can run on them.
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!TimeLimit.TryParse(ReminderAfter, out var limit) || limit.Amount == 0 || limit.Unit == TimeLimitUnit.WorkingHours)
        {
            problems.Add($"{nameof(ReminderAfter)} '{ReminderAfter}' is not a period of working or calendar days such as 3wd or 3d");
        }
        if (LookBack <= TimeSpan.Zero)
        {
            problems.Add($"{nameof(LookBack)} must be positive");
        }
        if (BatchSize <= 0)
        {
            problems.Add($"{nameof(BatchSize)} must be positive");
        }
        return problems;
    }

    internal TimeLimit Reminder => TimeLimit.Parse(ReminderAfter);
}
