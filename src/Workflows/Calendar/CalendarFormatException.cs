using System;

namespace ServiceWindow.Workflows.Calendar;

/// <summary>Calendar data that cannot be used; the message names the file and the entry.</summary>
public sealed class CalendarFormatException : Exception
{
    /// <summary>Creates the exception for one problem in one file.</summary>
    public CalendarFormatException(string fileName, string entry, string problem, Exception? inner = null)
        : base($"{fileName}: {entry}: {problem}", inner)
    {
        FileName = fileName;
        Entry = entry;
        Problem = problem;
    }

    /// <summary>The file (or other source) name given to the loader.</summary>
    public string FileName { get; }

    /// <summary>The entry the problem concerns, e.g. <c>years[1].holidays[2]</c>.</summary>
    public string Entry { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
