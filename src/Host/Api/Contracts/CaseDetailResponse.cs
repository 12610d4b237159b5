namespace ServiceWindow.Host.Api.Contracts;

/// `GET /api/v1/cases/{id}` and the answer to an action: the case as its reader may see it.
public sealed record CaseDetailResponse(
    Guid Id,
    string? ReceiptNumber,
    NamedRef Item,
    int DefinitionVersion,
    NamedRef Stage,
    long Version,
    string? Window,
    string? Handler,
    string? FirstInquiryOwner,
    DateTimeOffset OpenedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? PromisedDue,
    DateTimeOffset? StatutoryDue,
    string WarningLevel,
    DateTimeOffset? CompletedAt,
    string? Outcome,
    ApplicantView Applicant,
    IReadOnlyList<string> MaterialsReceived,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyList<string> Actions);
