using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace ServiceWindow.Workflows.Calendar;

/// <summary>
/// Reads holidays and make-up workdays from iCalendar text in the shapes publishers use. An all-day event
/// covers DTSTART up to its exclusive DTEND, or the one day when DTEND equals DTSTART (common, though RFC
/// 5545 makes DTEND exclusive); a timed event covers every day it touches. An event whose summary or
/// categories say 班 (补班, 上班), "workday" or "make-up" is a make-up workday; one that says 休 or 假 (or
/// "holiday", "day off") is a day off; any other event (an observance such as 元宵节), and a tentative or
/// cancelled one, is skipped with a note. The festival name is the summary's first word, without
/// 假期/放假/休/补班/上班.
/// </summary>
/// <remarks>
/// A timed value is read as the local date it names (floating, or with a TZID); a UTC value (<c>Z</c>) is
/// read in <c>officeZone</c> when given. Properties of nested components (VALARM) and of VTIMEZONE are
/// ignored; TRANSP does not decide anything, since publishers mark days off both ways.
/// </remarks>
public static class IcsImporter
{
    private static readonly string[] MakeUpMarks = ["班", "workday", "working day", "make-up"];
    private static readonly string[] DayOffMarks = ["休", "假", "holiday", "day off"];
    private static readonly string[] NameSuffixes = ["假期", "放假", "调休", "补班", "上班", "休"];

    /// <summary>Parses <paramref name="text"/> into one <see cref="CalendarYear"/> per year it covers; skipped events are dropped silently.</summary>
    public static IReadOnlyList<CalendarYear> Parse(string fileName, string text) => Read(fileName, text).Years;

    /// <summary>
    /// Parses <paramref name="text"/> into the years it covers and notes on what it skipped. Throws
    /// <see cref="CalendarFormatException"/> naming the file and the event when the file cannot be used.
    /// </summary>
    public static IcsImportResult Read(string fileName, string text, TimeZoneInfo? officeZone = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(text);
        var lines = Unfold(text);
        if (!lines.Any(l => l.Equals("BEGIN:VCALENDAR", StringComparison.OrdinalIgnoreCase)))
        {
            throw new CalendarFormatException(fileName, "line 1", "not an iCalendar file (no BEGIN:VCALENDAR)");
        }
        var events = new List<(DateOnly First, DateOnly Last, List<ImportedDay> Days)>();
        var notes = new List<string>();
        var calendarName = default(string);
        Dictionary<string, (string Parameters, string Value)>? vevent = null;
        var nested = 0;
        var eventIndex = 0;
        foreach (var line in lines)
        {
            var (name, parameters, value) = Split(line);
            if (vevent is null)
            {
                if (name == "BEGIN" && value.Equals("VEVENT", StringComparison.OrdinalIgnoreCase))
                {
                    vevent = new(StringComparer.OrdinalIgnoreCase);
                    nested = 0;
                }
                else if (name == "X-WR-CALNAME")
                {
                    calendarName = value;
                }
                continue;
            }
            if (name == "BEGIN")
            {
                nested++;
            }
            else if (name == "END" && nested > 0)
            {
                nested--;
            }
            else if (name == "END" && value.Equals("VEVENT", StringComparison.OrdinalIgnoreCase))
            {
                if (Event(fileName, $"VEVENT[{eventIndex++}]", vevent, officeZone, notes) is { } read)
                {
                    events.Add(read);
                }
                vevent = null;
            }
            else if (nested == 0)
            {
                vevent.TryAdd(name, (parameters, value));
            }
        }
        if (events.Count == 0)
        {
            throw new CalendarFormatException(fileName, "VCALENDAR",
                notes.Count == 0 ? "the file lists no events: nothing to import" : $"the file lists no day off or make-up workday: nothing to import ({string.Join("; ", notes)})");
        }
        // A year is the file's when an event lies wholly in it: the first days of a block that starts in
        // December belong to a year the file does not publish.
        var years = events.Where(e => e.First.Year == e.Last.Year).Select(e => e.First.Year).ToHashSet();
        var days = new List<ImportedDay>();
        foreach (var (_, _, eventDays) in events)
        {
            foreach (var day in eventDays)
            {
                if (years.Contains(day.Date.Year))
                {
                    days.Add(day);
                }
                else
                {
                    notes.Add($"{day.Entry}: {day.Date:yyyy-MM-dd} skipped: the file publishes nothing else for {day.Date.Year}");
                }
            }
        }
        var result = days.GroupBy(d => d.Date.Year).OrderBy(g => g.Key).Select(g => ImportedDay.ToYear(fileName, g.Key, [.. g], calendarName)).ToList();
        return new IcsImportResult(result, notes);
    }

    private static (DateOnly First, DateOnly Last, List<ImportedDay> Days)? Event(
        string fileName, string entry, Dictionary<string, (string Parameters, string Value)> vevent, TimeZoneInfo? officeZone, List<string> notes)
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
        var status = vevent.TryGetValue("STATUS", out var st) ? st.Value.ToUpperInvariant() : "";
        if (status is "TENTATIVE" or "CANCELLED")
        {
            notes.Add($"{entry}: skipped, the event is {status.ToLowerInvariant()}");
            return null;
        }
        var makeUp = Marked(MakeUpMarks, summary, categories);
        if (!makeUp && !Marked(DayOffMarks, summary, categories))
        {
            notes.Add($"{entry}: skipped, neither a day off nor a make-up workday");
            return null;
        }

        var (from, fromTimed) = ParseValue(fileName, entry, start.Value, officeZone);
        DateOnly last;
        if (!vevent.TryGetValue("DTEND", out var end))
        {
            last = from.Date;
        }
        else
        {
            var (to, toTimed) = ParseValue(fileName, entry, end.Value, officeZone);
            if (to.Date < from.Date || (toTimed && fromTimed && to.Time < from.Time && to.Date == from.Date))
            {
                throw new CalendarFormatException(fileName, entry, $"DTEND {to.Date:yyyy-MM-dd} is before DTSTART {from.Date:yyyy-MM-dd}");
            }
            // All-day DTEND is exclusive, except when it equals DTSTART; a timed event touches its end day
            // unless it ends at midnight.
            last = toTimed
                ? (to.Time == TimeOnly.MinValue && to.Date > from.Date ? to.Date.AddDays(-1) : to.Date)
                : (to.Date == from.Date ? to.Date : to.Date.AddDays(-1));
        }
        var first = from.Date;
        if (last.DayNumber - first.DayNumber >= 31)
        {
            throw new CalendarFormatException(fileName, entry, "an event longer than 31 days is not a holiday block");
        }
        var name = HolidayName(summary);
        var days = new List<ImportedDay>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            days.Add(new ImportedDay(entry, name, date, !makeUp));
        }
        return (first, last, days);
    }

    private static bool Marked(string[] marks, string summary, string categories) =>
        marks.Any(m => summary.Contains(m, StringComparison.OrdinalIgnoreCase) || categories.Contains(m, StringComparison.OrdinalIgnoreCase));

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

    // 20251001 (a date), 20250126T090000 (floating or with TZID: the local time it names), or ...Z (UTC).
    private static ((DateOnly Date, TimeOnly Time) Value, bool Timed) ParseValue(string fileName, string entry, string value, TimeZoneInfo? officeZone)
    {
        if (value.Length == 8 && DateOnly.TryParseExact(value, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return ((date, TimeOnly.MinValue), false);
        }
        var utc = value.EndsWith('Z');
        var text = utc ? value[..^1] : value;
        if (DateTime.TryParseExact(text, "yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            if (utc && officeZone is not null)
            {
                local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(local, DateTimeKind.Utc), officeZone);
            }
            return ((DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local)), true);
        }
        throw new CalendarFormatException(fileName, entry, $"'{value}' is not an iCalendar date like 20251001 or date-time like 20250126T090000");
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
