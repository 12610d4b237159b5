namespace ServiceWindow.Host.Api.Contracts;

/// One row of a case list or queue: personal data always masked.
public sealed record CaseListItem(
    Guid Id,
    string? ReceiptNumber,
    NamedRef Item,
    NamedRef Stage,
    long Version,
    string? Window,
    string? Handler,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? PromisedDue,
    DateTimeOffset? StatutoryDue,
    string WarningLevel,
    bool Overdue,
    DateTimeOffset? CompletedAt,
    ApplicantView Applicant);
