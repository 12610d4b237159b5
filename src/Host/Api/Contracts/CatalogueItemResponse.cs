namespace ServiceWindow.Host.Api.Contracts;

/// A service item as the public catalogue lists it. Limits read `5wd` (working days), `30d`
/// (calendar days) or `2wh` (working hours).
public sealed record CatalogueItemResponse(string Id, string Name, string Kind, string StatutoryLimit, string PromisedLimit,
    string MaximumExtension, IReadOnlyList<NamedRef> Materials);
