using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Persistence.Calendars;

/// One published calendar version: its content as stored, when and by whom it was loaded.
public sealed record PublishedCalendar(int Version, WorkingCalendar Calendar, string Json, DateTimeOffset LoadedAt, string? LoadedBy);
