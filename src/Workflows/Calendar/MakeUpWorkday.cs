using System;

namespace ServiceWindow.Workflows.Calendar;

/// <summary>A weekly day off that is worked in exchange for a holiday (调休上班).</summary>
public sealed record MakeUpWorkday
{
    /// <summary>Creates a make-up workday for the named holiday.</summary>
    public MakeUpWorkday(string name, DateOnly date)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Date = date;
    }

    /// <summary>The holiday this day is worked for.</summary>
    public string Name { get; }

    /// <summary>The date worked.</summary>
    public DateOnly Date { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name} {Date:yyyy-MM-dd}";
}
