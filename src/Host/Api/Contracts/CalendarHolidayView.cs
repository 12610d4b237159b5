namespace ServiceWindow.Host.Api.Contracts;

/// A block of official days off, first and last day included.
public sealed record CalendarHolidayView(string Name, DateOnly From, DateOnly To);
