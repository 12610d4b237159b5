using System.Collections.Generic;

namespace ServiceWindow.Workflows.Calendar;

/// <summary>
/// What an iCalendar file brings: one <see cref="CalendarYear"/> per year it covers, and a note for each
/// event it skipped (an observance that is neither a day off nor a make-up workday, a tentative or
/// cancelled event, days of an event that fall in a year the file does not otherwise cover).
/// </summary>
public sealed record IcsImportResult(IReadOnlyList<CalendarYear> Years, IReadOnlyList<string> Notes);
