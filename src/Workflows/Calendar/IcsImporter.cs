using System.Globalization;
using System.Text;

namespace ServiceWindow.Workflows.Calendar;

/// <summary>
/// Reads holidays and make-up workdays from iCalendar text: all-day <c>VEVENT</c>s whose <c>DTEND</c> is
/// exclusive. An event whose summary or categories say 补班, 上班 or "workday" is a make-up workday; any other
/// event is a day off. The festival name is the summary's first word, without 假期/放假/休/补班/上班.
/// </summary>
public static class IcsImporter
{
    private static readonly string[] MakeUpMarks = ["补班", "上班", "workday"];
    private static readonly string[] NameSuffixes = ["假期", "放假", "调休", "补班", "上班", "休"];

    /// <summary>Parses <paramref name="text"/> into one <see cref="CalendarYear"/> per year it mentions.</summary>
    public static IReadOnlyList<CalendarYear> Parse(string fileName, string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(text);
        var lines = Unfold(text);
        if (!lines.Any(l => l.Equals("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase)))
        {
            throw new CalendarFormatException(fileName, "line 1", "not an iCalendar file (no BEGIN:VCALENDAR)");
        }
        var days = new List<ImportedDay>();
        var calendarName = default(string);
        Dictionary<string, (string Parameters, string Value)>? vevent = null;
        var eventIndex = 0;
        foreach (var line in lines)
        {
            var (name, parameters, value) = Split(line);
            if (name == "BEGIN" && value.Equals("VEVENT", StringComparison.OrdinalIgnoreCase))
            {
                vevent = new(StringComparer.OrdinalIgnoreCase);
            }
            else if (name == "END" && value.Equals("VEVENT", StringComparison.OrdinalIgnoreCase) && vevent is not null)
            {
                days.AddRange(Days(fileName, $"VEVENT[{eventIndex++}]", vevent));
                vevent = null;
            }
            else if (vevent is not null)
            {
                vevent.TryAdd(name, (parameters, value));
            }
            else if (name == "X-WR-CALNAME")
            {
                calendarName = value;
            }
        }
        if (days.Count == 0)
        {
            throw new CalendarFormatException(fileName, "VCALENDAR", "the file lists no events: nothing to import");
        }
        return [.. days.GroupBy(d => d.Date.Year).OrderBy(g => g.Key).Select(g => ImportedDay.ToYear(fileName, g.Key, [.. g], calendarName))];
    }

    private static IEnumerable<ImportedDay> Days(string fileName, string entry, Dictionary<string, (string Parameters, string Value)> vevent)
    {
        var summary = vevent.TryGetValue("SUMMARY", out var s) ? Unescape(s.Value) : "";
        var categories = vevent.TryGetValue("CATEGORIES", out var c) ? Unescape(c.Value) : "";
        if (string.IsNullOrWhiteSpace(summary))
        {
            throw new CalendarFormatException(fileName, entry, "an event needs a SUMMARY naming the holiday");
        }
        entry = $"{entry} ({summary})";
        if (!vevent.TryGetValue("DTSTART", out var start))
        {
            throw new CalendarFormatException(fileName, entry, "an event needs DTSTART");
        }
        var from = ParseDate(fileName, entry, start.Value);
        var to = vevent.TryGetValue("DTEND", out var end) ? ParseDate(fileName, entry, end.Value) : from.AddDays(1);
        if (to <= from)
        {
            throw new CalendarFormatException(fileName, entry, $"DTEND {to:yyyy-MM-dd} is not after DTSTART {from:yyyy-MM-dd}");
        }
        if (to.DayNumber - from.DayNumber > 31)
        {
            throw new CalendarFormatException(fileName, entry, "an event longer than 31 days is not a holiday block");
        }
        var makeUp = MakeUpMarks.Any(m => summary.Contains(m, StringComparison.OrdinalIgnoreCase) || categories.Contains(m, StringComparison.OrdinalIgnoreCase));
        var name = HolidayName(summary);
        for (var date = from; date < to; date = date.AddDays(1))
        {
            yield return new ImportedDay(entry, name, date, !makeUp);
        }
    }

    private static string HolidayName(string summary)
    {
        var name = summary.Trim().Split([' ', '\t', '　'], StringSplitOptions.RemoveEmptyEntries)[0];
        foreach (var suffix in NameSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                return name[..^suffix.Length];
            }
        }
        return name;
    }

    private static DateOnly ParseDate(string fileName, string entry, string value)
    {
        var digits = value.Length >= 8 ? value[..8] : value;
        return DateOnly.TryParseExact(digits, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CalendarFormatException(fileName, entry, $"'{value}' is not an iCalendar date like 20251001");
    }

    private static (string Name, string Parameters, string Value) Split(string line)
    {
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return (line.ToUpperInvariant(), "", "");
        }
        var head = line[..colon];
        var semicolon = head.IndexOf(';', StringComparison.Ordinal);
        var name = (semicolon < 0 ? head : head[..semicolon]).ToUpperInvariant();
        return (name, semicolon < 0 ? "" : head[(semicolon + 1)..], line[(colon + 1)..].Trim());
    }

    // RFC 5545 folds long lines: a line starting with a space or tab continues the previous one.
    private static List<string> Unfold(string text)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && lines.Count + current.Length > 0)
            {
                current.Append(line.AsSpan(1));
                continue;
            }
            if (current.Length > 0)
            {
                lines.Add(current.ToString());
            }
            current.Clear().Append(line);
        }
        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }
        return lines;
    }

    private static string Unescape(string value) =>
        value.Replace("\\n", " ", StringComparison.OrdinalIgnoreCase).Replace("\\,", ",", StringComparison.Ordinal)
            .Replace("\\;", ";", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);
}
