namespace ServiceWindow.Host.Demo;

/// The steps of one applicant's matter in order, possibly over two cases (a rating that turns into
/// a bad-review rectification). A step the engine refuses is tried again later; a story that keeps
/// being refused stops there, as a real one would stall.
public sealed class DemoStory(IReadOnlyList<DemoStep> steps)
{
    public IReadOnlyList<DemoStep> Steps { get; } = steps;

    public int Next { get; set; }

    public int Retries { get; set; }

    /// When the next step is due: moved on when it is retried.
    public DateTimeOffset Due { get; set; } = steps[0].At;
}
