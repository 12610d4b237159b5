namespace ServiceWindow.Host.Pages.Admin.Calendars;

/// What the warning says: the missing year, and whether the reader may upload it.
public sealed record CalendarWarning(int Year, bool CanUpload);
