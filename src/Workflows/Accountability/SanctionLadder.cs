using System.Collections.Generic;
using System;

namespace ServiceWindow.Workflows.Accountability;

/// <summary>Chooses the sanction for the n-th verified complaint against one person in a calendar year.</summary>
public static class SanctionLadder
{
    /// <summary>The national default: admonishment, circulated criticism, job rotation.</summary>
    public static IReadOnlyList<Sanction> Default { get; } =
        [Sanction.Admonishment, Sanction.CirculatedCriticism, Sanction.JobRotation];

    /// <summary>
    /// The sanction for the <paramref name="count"/>-th verified complaint (1-based); counts past the end of
    /// the ladder keep its last rung.
    /// </summary>
    public static Sanction For(IReadOnlyList<Sanction> ladder, int count)
    {
        ArgumentNullException.ThrowIfNull(ladder);
        ArgumentOutOfRangeException.ThrowIfZero(ladder.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return ladder[Math.Min(count, ladder.Count) - 1];
    }
}
