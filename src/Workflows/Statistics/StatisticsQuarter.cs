using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ServiceWindow.Workflows.Calendar;

namespace ServiceWindow.Workflows.Statistics;

/// <summary>A calendar quarter (季度) of three statistics months, written as <c>2026-Q4</c>.</summary>
public sealed record StatisticsQuarter
{
    /// <summary>The quarter <paramref name="number"/> (1 to 4) of <paramref name="year"/>.</summary>
    public StatisticsQuarter(int year, int number)
    {
        // The last month's end must still be a date: the quarter's instants reach the next quarter's first day.
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9998);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 4);
        Year = year;
        Number = number;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>1 for January to March, …, 4 for October to December.</summary>
    public int Number { get; }

    /// <summary>The first day of the quarter's first month.</summary>
    public DateOnly FirstMonth => new(Year, 3 * Number - 2, 1);

    /// <summary>The first day of the quarter's last month: the month whose close completes the quarter.</summary>
    public DateOnly LastMonth => FirstMonth.AddMonths(2);

    /// <summary>The first days of the quarter's three months, in order.</summary>
    public IReadOnlyList<DateOnly> Months => [FirstMonth, FirstMonth.AddMonths(1), LastMonth];

    /// <summary>The quarter <paramref name="month"/> falls in.</summary>
    public static StatisticsQuarter Containing(DateOnly month) => new(month.Year, (month.Month + 2) / 3);

    /// <summary>Reads <c>2026-Q4</c> (the <c>Q</c> in either case); false for anything else, such as <c>2026-4</c> or <c>2026-Q5</c>.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out StatisticsQuarter? quarter)
    {
        quarter = null;
        if (text is not { Length: 7 } || text[4] != '-' || text[5] is not ('Q' or 'q') || text[6] is < '1' or > '4'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1 or > 9998)
        {
            return false;
        }
        quarter = new StatisticsQuarter(year, text[6] - '0');
        return true;
    }

    /// <summary>Midnight of the quarter's first day in the calendar's zone.</summary>
    public DateTimeOffset Start(WorkingCalendar calendar) => StatisticsMonth.Of(FirstMonth, calendar).Start;

    /// <summary>Midnight of the next quarter's first day in the calendar's zone (exclusive).</summary>
    public DateTimeOffset End(WorkingCalendar calendar) => StatisticsMonth.Of(LastMonth, calendar).End;

    /// <summary>The quarter as <c>2026-Q4</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}");
}
