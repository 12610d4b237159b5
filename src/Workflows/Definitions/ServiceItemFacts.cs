using System.Collections.Generic;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Workflows.Definitions;

/// <summary>The catalogue facts of the service item a definition runs.</summary>
/// <param name="Kind">Immediate or promised.</param>
/// <param name="StatutoryLimit">法定时限, the legal maximum.</param>
/// <param name="PromisedLimit">承诺时限, never above the statutory limit.</param>
/// <param name="MaximumExtension">The most an approved extension may add beyond the statutory limit.</param>
/// <param name="Materials">Required materials, named by id in supplement notices.</param>
/// <param name="SpecialStages">Special stages and whether each counts toward the limit.</param>
/// <param name="LegalBasis">The legal basis as text.</param>
public sealed record ServiceItemFacts(
    ItemKind Kind,
    TimeLimit StatutoryLimit,
    TimeLimit PromisedLimit,
    TimeLimit MaximumExtension,
    IReadOnlyList<Material> Materials,
    IReadOnlyList<SpecialStage> SpecialStages,
    string LegalBasis);
