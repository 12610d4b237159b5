using System.Collections.Generic;
using ServiceWindow.Workflows.Accountability;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Workflows.Definitions;

/// <summary>
/// The definition's accountability rules: an inaction finding after a case sits untouched on a running
/// clock for <paramref name="InactionAfter"/> (null: none), and the sanctions for the 1st, 2nd, 3rd...
/// verified complaint against one person in a calendar year.
/// </summary>
public sealed record AccountabilitySettings(TimeLimit? InactionAfter, IReadOnlyList<Sanction> Sanctions);
