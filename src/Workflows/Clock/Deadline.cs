using System;

namespace ServiceWindow.Workflows.Clock;

/// <summary>
/// When something is due. <see cref="Provisional"/> deadlines reach past the years the calendar covers and
/// were computed with weekly days off only; they are recomputed when the next year is loaded.
/// </summary>
public readonly record struct Deadline(DateTimeOffset Due, bool Provisional);
