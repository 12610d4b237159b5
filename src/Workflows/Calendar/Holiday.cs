using System.Collections.Generic;
using System;

namespace ServiceWindow.Workflows.Calendar;

/// <summary>A block of official days off, <see cref="From"/> to <see cref="To"/> inclusive (e.g. 春节 01-28..02-04).</summary>
public sealed record Holiday
{
    /// <summary>Creates a holiday block.</summary>
    public Holiday(string name, DateOnly from, DateOnly to)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(to, from);
        Name = name;
        From = from;
        To = to;
    }

    /// <summary>The festival's name as published (元旦, 春节, …).</summary>
    public string Name { get; }

    /// <summary>First day off.</summary>
    public DateOnly From { get; }

    /// <summary>Last day off.</summary>
    public DateOnly To { get; }

    /// <summary>Every date in the block.</summary>
    public IEnumerable<DateOnly> Dates()
    {
        for (var date = From; date <= To; date = date.AddDays(1))
        {
            yield return date;
        }
    }

    /// <inheritdoc />
    public override string ToString() => From == To ? $"{Name} {From:yyyy-MM-dd}" : $"{Name} {From:yyyy-MM-dd}..{To:yyyy-MM-dd}";
}
