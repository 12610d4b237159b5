namespace ServiceWindow.Host.Api.Contracts;

/// What the applicant takes home and the client keeps: the lookup secret is shown only here.
public sealed record IntakeResponse(Guid Id, string ReceiptNumber, string LookupSecret, DateTimeOffset? PromisedDue,
    DateTimeOffset? StatutoryDue, long Version);
