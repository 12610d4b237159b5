namespace ServiceWindow.Host.Api.Contracts;

/// An accepted upload: the version now in force (null when the file changed nothing), each year's
/// change, the feed's skipped events, and whether provisional deadlines are being recomputed.
public sealed record CalendarUploadResponse(int? Version, IReadOnlyList<CalendarYearChangeView> Changes, IReadOnlyList<string> Skipped,
    bool RecomputeQueued);
