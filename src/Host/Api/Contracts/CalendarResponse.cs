namespace ServiceWindow.Host.Api.Contracts;

/// The calendar in force: its years with their sources, the published version, and whether next
/// year is missing past 1 November (the staff pages' warning).
public sealed record CalendarResponse(string Id, string TimeZone, int? Version, DateTimeOffset? LoadedAt, bool NextYearMissing,
    IReadOnlyList<CalendarYearSummary> Years);
