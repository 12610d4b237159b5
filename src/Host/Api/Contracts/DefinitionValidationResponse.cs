namespace ServiceWindow.Host.Api.Contracts;

/// A candidate version's check: valid (publishable as it stands) or every problem found.
public sealed record DefinitionValidationResponse(bool Valid, string? Id, int? Version, IReadOnlyList<DefinitionProblemView> Problems);
