using System;

namespace ServiceWindow.Workflows.Clock;

/// <summary>One stretch during which the clock stood still; <see cref="ResumedAt"/> is null while it lasts.</summary>
public sealed record ClockPause(DateTimeOffset PausedAt, string Reason, DateTimeOffset? ResumedAt = null);
