namespace ServiceWindow.Host.Api.Contracts;

/// One service item's public guide. Limits read as in the catalogue (`5wd`, `30d`, `2wh`); the fee is null where the
/// catalogue does not list the item yet.
public sealed record ServiceGuideResponse(string Id, string Code, string Name, string Kind, string StatutoryLimit, string PromisedLimit,
    string MaximumExtension, IReadOnlyList<NamedRef> Materials, string LegalBasis, string? Fee);
