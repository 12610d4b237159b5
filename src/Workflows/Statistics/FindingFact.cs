using System;
namespace ServiceWindow.Workflows.Statistics;

/// <summary>An accountability finding, counted in the month it was opened unless it was dismissed.</summary>
/// <param name="Keys">The responsible person, with the case's window, department and item.</param>
/// <param name="OpenedAt">When it was opened.</param>
/// <param name="Dismissed">Dismissed by the efficiency office.</param>
public sealed record FindingFact(DimensionKeys Keys, DateTimeOffset OpenedAt, bool Dismissed);
