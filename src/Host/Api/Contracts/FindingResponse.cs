namespace ServiceWindow.Host.Api.Contracts;

/// One entry of the accountability register: its kind (`inaction`, `slowAction`, `misconduct`,
/// `lostReferral`, `multipleNotifications`, `interview`), the person and case it concerns, the history
/// entries that are its evidence, and where it is in open → statement → confirmed or dismissed.
public sealed record FindingResponse(
    Guid Id,
    string Kind,
    Guid? Case,
    string? Window,
    string Responsible,
    string Reason,
    IReadOnlyList<int> Evidence,
    string Status,
    DateTimeOffset OpenedAt,
    string? Statement,
    DateTimeOffset? StatementAt,
    DateTimeOffset? DecidedAt,
    string? DecidedBy);
