using System.Collections.Generic;
using System;

namespace ServiceWindow.Workflows.Engine;

/// <summary>A one-time notice of missing materials, as recorded in history entry <paramref name="Sequence"/>.</summary>
public sealed record SupplementNotice(int Sequence, string IssuedBy, DateTimeOffset At, IReadOnlyList<string> Materials);
