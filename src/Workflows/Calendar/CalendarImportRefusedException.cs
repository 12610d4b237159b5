using System;

namespace ServiceWindow.Workflows.Calendar;

/// <summary>An import that would make the calendar wrong or silently change a year already in force.</summary>
public sealed class CalendarImportRefusedException(string message) : Exception(message);
