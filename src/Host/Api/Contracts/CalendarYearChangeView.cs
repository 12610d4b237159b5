namespace ServiceWindow.Host.Api.Contracts;

/// What an upload did to one year: `added`, `replaced` or `unchanged`, with the days that moved.
public sealed record CalendarYearChangeView(int Year, string Kind, IReadOnlyList<string> Details);
