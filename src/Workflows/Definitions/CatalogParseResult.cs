using System.Collections.Generic;

namespace ServiceWindow.Workflows.Definitions;

/// <summary>The outcome of parsing a set of definition files: the catalogue when all are valid, and every problem.</summary>
public sealed record CatalogParseResult(DefinitionCatalog? Catalog, IReadOnlyList<DefinitionProblem> Problems);
