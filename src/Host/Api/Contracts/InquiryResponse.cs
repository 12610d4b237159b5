namespace ServiceWindow.Host.Api.Contracts;

/// An inquiry as the API shows it: where it stands, who owns it for life (首问责任人), who holds it now,
/// and, once referred, where to and how to reach the person.
public sealed record InquiryResponse(
    Guid Id,
    NamedRef Stage,
    long Version,
    string? Window,
    string FirstInquiryOwner,
    string? Handler,
    string? Channel,
    string? Matter,
    string? TargetWindow,
    string? Contact,
    string? Answer,
    DateTimeOffset OpenedAt,
    DateTimeOffset? CompletedAt,
    string? Outcome);
