using System;

namespace ServiceWindow.Workflows.Clock;

/// <summary>An approved extension of the promised limit (延期).</summary>
public sealed record ClockExtension(DateTimeOffset ApprovedAt, TimeLimit Extra, string ApprovedBy);
