using System;

namespace ServiceWindow.Workflows.Engine;

/// <summary>
/// How a case that ran on the clock ended, against both deadlines (statistics read this).
/// </summary>
/// <param name="At">When the case reached its terminal stage.</param>
/// <param name="Outcome">The terminal stage's outcome.</param>
/// <param name="AgainstPromised">Timing against the promised deadline.</param>
/// <param name="AgainstStatutory">Timing against the statutory deadline.</param>
/// <param name="PromisedDue">The promised deadline at completion (after extensions and pauses).</param>
/// <param name="StatutoryDue">The statutory deadline at completion.</param>
public sealed record Completion(
    DateTimeOffset At,
    string Outcome,
    CompletionTiming AgainstPromised,
    CompletionTiming AgainstStatutory,
    DateTimeOffset PromisedDue,
    DateTimeOffset StatutoryDue);
