namespace ServiceWindow.Host.Calendars;

/// An accepted upload: what it changed, and the version now in force (null when nothing changed).
public sealed record CalendarUploadResult(CalendarImportOutcome Outcome, int? Version);
