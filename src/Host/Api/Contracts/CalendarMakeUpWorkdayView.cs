namespace ServiceWindow.Host.Api.Contracts;

/// A weekend day worked in exchange for a holiday (调休).
public sealed record CalendarMakeUpWorkdayView(string Name, DateOnly Date);
