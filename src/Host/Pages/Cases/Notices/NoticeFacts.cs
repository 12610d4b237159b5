using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Host.Pages.Cases.Notices;

/// What the printed notices of one case say, read from its state and history, in the reader's language.
public sealed record NoticeFacts(
    Guid CaseId,
    string? ReceiptNumber,
    string Item,
    string? Applicant,
    string? Window,
    DateTimeOffset OpenedAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? PromisedDue,
    DateTimeOffset? StatutoryDue,
    string? Outcome,
    IReadOnlyList<string> MaterialsReceived,
    SupplementFacts? Supplement,
    RefusalFacts? Refusal,
    ExtensionFacts? Extension,
    string LegalBasis);

/// The latest one-time supplement notice: who issued it, when, and every material it names.
public sealed record SupplementFacts(DateTimeOffset At, string IssuedBy, IReadOnlyList<string> Materials);

/// The refusal's reason as recorded with the action that gave it.
public sealed record RefusalFacts(DateTimeOffset At, string Reason);

/// The latest approved extension: the reason given with its request, how much, and the new promised date.
public sealed record ExtensionFacts(DateTimeOffset ApprovedAt, ServiceWindow.Workflows.Clock.TimeLimit Extra, string Reason, DateTimeOffset? NewPromisedDue);
