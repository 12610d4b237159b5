namespace ServiceWindow.Host.Api.Contracts;

/// One year's official days off and make-up workdays.
public sealed record CalendarYearResponse(int Year, string? Source, IReadOnlyList<CalendarHolidayView> Holidays,
    IReadOnlyList<CalendarMakeUpWorkdayView> MakeUpWorkdays);
