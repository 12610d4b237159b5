using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json.Serialization;

namespace ServiceWindow.Workflows.Clock;

/// <summary>
/// A period such as <c>5wd</c> (working days), <c>30d</c> (calendar days), <c>2wh</c> (working hours) or
/// <c>0wd</c> (an immediate item: office close on the acceptance day). Serialised as that text.
/// </summary>
[JsonConverter(typeof(TimeLimitJsonConverter))]
public readonly record struct TimeLimit(int Amount, TimeLimitUnit Unit)
{
    /// <summary>The largest amount accepted; about ten years of working days.</summary>
    public const int MaxAmount = 3660;

    /// <summary>How many units, 0 to <see cref="MaxAmount"/>.</summary>
    public int Amount { get; } = Amount is >= 0 and <= MaxAmount
        ? Amount
        : throw new DeadlineOutOfRangeException(nameof(Amount), string.Create(CultureInfo.InvariantCulture, $"{Amount} is not a time limit"));

    /// <summary>The unit counted.</summary>
    public TimeLimitUnit Unit { get; } = Enum.IsDefined(Unit)
        ? Unit
        : throw new ArgumentOutOfRangeException(nameof(Unit), Unit, "unknown time-limit unit");

    /// <summary>Shorthand for <c>n wd</c>.</summary>
    public static TimeLimit WorkingDays(int amount) => new(amount, TimeLimitUnit.WorkingDays);

    /// <summary>Shorthand for <c>n d</c>.</summary>
    public static TimeLimit CalendarDays(int amount) => new(amount, TimeLimitUnit.CalendarDays);

    /// <summary>Shorthand for <c>n wh</c>.</summary>
    public static TimeLimit WorkingHours(int amount) => new(amount, TimeLimitUnit.WorkingHours);

    /// <summary>
    /// Parses <c>5wd</c>, <c>30d</c>, <c>2wh</c>; throws <see cref="DeadlineOutOfRangeException"/> for a
    /// well-formed limit over <see cref="MaxAmount"/> and <see cref="FormatException"/> naming the text otherwise.
    /// </summary>
    public static TimeLimit Parse(string text)
    {
        if (TryParse(text, out var limit))
        {
            return limit;
        }
        if (IsOverCap(text))
        {
            throw new DeadlineOutOfRangeException(nameof(text), $"'{text}' is over the cap on a time limit");
        }
        throw new FormatException($"'{text}' is not a time limit: expected a whole number followed by wd, d or wh (e.g. 5wd, 30d, 2wh)");
    }

    /// <summary>True for a whole number over <see cref="MaxAmount"/> followed by a unit, e.g. <c>4000wd</c>.</summary>
    public static bool IsOverCap(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }
        var unit = text.AsSpan(digits);
        var significant = text.AsSpan(0, digits).TrimStart('0');
        return digits > 0 && unit is "wd" or "d" or "wh"
            && (significant.Length > 4 || (significant.Length > 0 && int.Parse(significant, NumberStyles.None, CultureInfo.InvariantCulture) > MaxAmount));
    }

    /// <summary>Parses <c>5wd</c>, <c>30d</c>, <c>2wh</c>; false for anything else, including signs, spaces and amounts over <see cref="MaxAmount"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out TimeLimit limit)
    {
        limit = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }
        TimeLimitUnit? unit = text.AsSpan(digits) switch
        {
            "wd" => TimeLimitUnit.WorkingDays,
            "d" => TimeLimitUnit.CalendarDays,
            "wh" => TimeLimitUnit.WorkingHours,
            _ => null,
        };
        if (digits == 0 || digits > 4 || unit is null
            || !int.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || amount > MaxAmount)
        {
            return false;
        }
        limit = new TimeLimit(amount, unit.Value);
        return true;
    }

    /// <summary>This limit plus <paramref name="other"/>, which must have the same unit.</summary>
    public TimeLimit Plus(TimeLimit other)
    {
        if (other.Unit != Unit)
        {
            throw new ArgumentException($"cannot add {other} to {this}: units differ", nameof(other));
        }
        return new TimeLimit(Amount + other.Amount, Unit);
    }

    /// <summary>The short text form, e.g. <c>5wd</c>.</summary>
    public override string ToString() => Amount.ToString(CultureInfo.InvariantCulture) + Unit switch
    {
        TimeLimitUnit.WorkingDays => "wd",
        TimeLimitUnit.CalendarDays => "d",
        _ => "wh",
    };
}
