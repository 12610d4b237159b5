using ServiceWindow.Host.Api.Contracts;

namespace ServiceWindow.Host.Pages.Board;

/// A referral not yet acknowledged: where it went, and the working minutes left (negative once
/// passed) until the stage's next timer, the acknowledgement deadline first.
public sealed record BoardReferral(CaseListItem Case, string? TargetWindow, DateTimeOffset? DueAt, long? WorkingMinutesLeft);
