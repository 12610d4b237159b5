namespace ServiceWindow.Host.Api.Contracts;

/// One year in force: the notice it comes from and how many days off and make-up workdays it has.
public sealed record CalendarYearSummary(int Year, string? Source, int DaysOff, int MakeUpWorkdays);
