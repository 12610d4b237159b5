using System;

namespace ServiceWindow.Workflows.Clock;

/// <summary>
/// A printed deadline kept as it was after a calendar change would have moved it. It applies for the clock
/// episode it was made in; the next resume or extension issues a new deadline anyway.
/// </summary>
public sealed record DeadlineHold(DeadlineKind Kind, DateTimeOffset Due, int Episode);
