namespace ServiceWindow.Host.Api.Contracts;

/// A complaint as the API shows it. Once verified, `against` names the person, `verifiedCount` is the
/// complaint's place among those verified against them this calendar year and `sanction` the rung
/// of the ladder it reached (admonishment, circulatedCriticism, jobRotation by default).
public sealed record ComplaintResponse(
    Guid Id,
    NamedRef Stage,
    long Version,
    string? Window,
    Guid? Case,
    string? Complainant,
    string? About,
    string? Handler,
    string? Against,
    int? VerifiedCount,
    string? Sanction,
    DateTimeOffset OpenedAt,
    DateTimeOffset? PromisedDue,
    DateTimeOffset? CompletedAt,
    string? Outcome);
