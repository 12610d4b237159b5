namespace ServiceWindow.Host.Api.Contracts;

/// What a citizen sees with receipt number and secret: nothing about the applicant.
public sealed record PublicCaseResponse(string Item, string Stage, DateTimeOffset? PromisedDue, IReadOnlyList<string> MissingMaterials);
