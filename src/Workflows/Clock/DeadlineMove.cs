using System;

namespace ServiceWindow.Workflows.Clock;

/// <summary>An administrator's decision to move a printed deadline after a calendar change; both dates are kept.</summary>
public sealed record DeadlineMove(DeadlineKind Kind, DateTimeOffset From, DateTimeOffset To, DateTimeOffset MovedAt, string MovedBy);
