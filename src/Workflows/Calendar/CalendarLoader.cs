using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace ServiceWindow.Workflows.Calendar;

/// <summary>
/// Reads a calendar file (format in <c>docs/calendar.md</c>) from text. Every problem is reported as a
/// <see cref="CalendarFormatException"/> naming the file and the entry.
/// </summary>
public static class CalendarLoader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// Parses and validates <paramref name="json"/>; <paramref name="fileName"/> is used in messages only.
    /// <paramref name="findZone"/> turns the file's time-zone id into a zone (the host passes
    /// <c>TimeZoneInfo.FindSystemTimeZoneById</c>: the pure core does not read the system's zone database);
    /// a <see cref="TimeZoneNotFoundException"/> or <see cref="InvalidTimeZoneException"/> from it is reported
    /// as an unknown time zone.
    /// </summary>
    public static WorkingCalendar Load(string fileName, string json, Func<string, TimeZoneInfo> findZone)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(findZone);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new CalendarFormatException(fileName, $"line {e.LineNumber + 1}", $"not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            return Read(new Reader(fileName), document.RootElement, findZone);
        }
    }

    private static WorkingCalendar Read(Reader reader, JsonElement root, Func<string, TimeZoneInfo> findZone)
    {
        reader.Expect(root, JsonValueKind.Object, "(root)");
        reader.RefuseUnknown(root, "(root)", "id", "description", "timeZone", "weeklyDaysOff", "officeHours", "years", "$schema");
        var id = reader.String(root, "id", "id");
        var description = reader.OptionalString(root, "description", "description");
        var zoneName = reader.String(root, "timeZone", "timeZone");
        TimeZoneInfo zone;
        try
        {
            zone = findZone(zoneName);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw reader.Fail("timeZone", $"unknown time zone '{zoneName}'", e);
        }

        var daysOff = new List<DayOfWeek>();
        var daysOffElement = reader.Array(root, "weeklyDaysOff", "weeklyDaysOff");
        var index = 0;
        foreach (var item in daysOffElement.EnumerateArray())
        {
            var entry = $"weeklyDaysOff[{index++}]";
            var text = reader.Text(item, entry);
            if (!Enum.TryParse<DayOfWeek>(text, ignoreCase: false, out var day) || !Enum.IsDefined(day) || int.TryParse(text, out _))
            {
                throw reader.Fail(entry, $"'{text}' is not a day of the week (Monday … Sunday)");
            }
            if (daysOff.Contains(day))
            {
                throw reader.Fail(entry, $"{day} is listed twice");
            }
            daysOff.Add(day);
        }
        if (daysOff.Count >= 7)
        {
            throw reader.Fail("weeklyDaysOff", "every day of the week is off");
        }

        var officeHours = OfficeHours.Default;
        if (root.TryGetProperty("officeHours", out var hoursElement))
        {
            officeHours = ReadOfficeHours(reader, hoursElement);
        }

        var years = new List<CalendarYear>();
        var daysOffSet = daysOff.ToHashSet();
        index = 0;
        foreach (var item in reader.Array(root, "years", "years").EnumerateArray())
        {
            var entry = $"years[{index++}]";
            var year = ReadYear(reader, item, entry);
            if (years.Find(y => y.Year == year.Year) is not null)
            {
                throw reader.Fail(entry, $"year {year.Year} overlaps an earlier entry for the same year");
            }
            if (years.Count > 0 && year.Year != years[^1].Year + 1)
            {
                throw reader.Fail(entry, $"years must be consecutive and ordered: {years[^1].Year} is followed by {year.Year}");
            }
            if (year.Problems(daysOffSet) is { Count: > 0 } problems)
            {
                throw reader.Fail(entry, problems[0].ToString());
            }
            years.Add(year);
        }
        if (years.Count == 0)
        {
            throw reader.Fail("years", "the calendar covers no year");
        }
        return new WorkingCalendar(id, zone, daysOff, officeHours, years, description);
    }

    private static OfficeHours ReadOfficeHours(Reader reader, JsonElement element)
    {
        reader.Expect(element, JsonValueKind.Array, "officeHours");
        var sessions = new List<OfficeSession>();
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            var entry = $"officeHours[{index++}]";
            var text = reader.Text(item, entry);
            var parts = text.Split('-', StringSplitOptions.TrimEntries);
            if (parts.Length != 2
                || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            {
                throw reader.Fail(entry, $"'{text}' is not a time range like 09:00-12:00");
            }
            if (end <= start)
            {
                throw reader.Fail(entry, $"'{text}' ends before it starts");
            }
            if (sessions.Count > 0 && start < sessions[^1].End)
            {
                throw reader.Fail(entry, $"'{text}' overlaps or precedes {sessions[^1]}");
            }
            sessions.Add(new OfficeSession(start, end));
        }
        if (sessions.Count == 0)
        {
            throw reader.Fail("officeHours", "at least one session is needed");
        }
        return new OfficeHours(sessions);
    }

    private static CalendarYear ReadYear(Reader reader, JsonElement element, string entry)
    {
        reader.Expect(element, JsonValueKind.Object, entry);
        reader.RefuseUnknown(element, entry, "year", "source", "holidays", "makeUpWorkdays");
        if (!element.TryGetProperty("year", out var yearElement) || !yearElement.TryGetInt32(out var year) || year < 1900 || year > 9998)
        {
            throw reader.Fail($"{entry}.year", "a year between 1900 and 9998 is required");
        }
        var source = reader.OptionalString(element, "source", $"{entry}.source");

        var holidays = new List<Holiday>();
        var index = 0;
        foreach (var item in reader.Array(element, "holidays", $"{entry}.holidays").EnumerateArray())
        {
            var itemEntry = $"{entry}.holidays[{index++}]";
            reader.Expect(item, JsonValueKind.Object, itemEntry);
            reader.RefuseUnknown(item, itemEntry, "name", "from", "to");
            var name = reader.String(item, "name", $"{itemEntry}.name");
            var from = reader.Date(item, "from", $"{itemEntry}.from");
            var to = item.TryGetProperty("to", out _) ? reader.Date(item, "to", $"{itemEntry}.to") : from;
            if (to < from)
            {
                throw reader.Fail(itemEntry, $"{name} ends {to:yyyy-MM-dd} before it starts {from:yyyy-MM-dd}");
            }
            holidays.Add(new Holiday(name, from, to));
        }

        var makeUps = new List<MakeUpWorkday>();
        index = 0;
        if (element.TryGetProperty("makeUpWorkdays", out _))
        {
            foreach (var item in reader.Array(element, "makeUpWorkdays", $"{entry}.makeUpWorkdays").EnumerateArray())
            {
                var itemEntry = $"{entry}.makeUpWorkdays[{index++}]";
                reader.Expect(item, JsonValueKind.Object, itemEntry);
                reader.RefuseUnknown(item, itemEntry, "name", "date");
                makeUps.Add(new MakeUpWorkday(reader.String(item, "name", $"{itemEntry}.name"), reader.Date(item, "date", $"{itemEntry}.date")));
            }
        }
        return new CalendarYear(year, holidays, makeUps, source);
    }

    private sealed class Reader(string fileName)
    {
        public CalendarFormatException Fail(string entry, string problem, Exception? inner = null) =>
            new(fileName, entry, problem, inner);

        public void Expect(JsonElement element, JsonValueKind kind, string entry)
        {
            if (element.ValueKind != kind)
            {
                throw Fail(entry, $"expected {Describe(kind)}, found {Describe(element.ValueKind)}");
            }
        }

        public void RefuseUnknown(JsonElement element, string entry, params string[] known)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (!known.Contains(property.Name, StringComparer.Ordinal))
                {
                    throw Fail(entry, $"unknown property '{property.Name}'");
                }
            }
        }

        public string Text(JsonElement element, string entry)
        {
            Expect(element, JsonValueKind.String, entry);
            var text = element.GetString()!;
            if (string.IsNullOrWhiteSpace(text))
            {
                throw Fail(entry, "must not be empty");
            }
            return text;
        }

        public string String(JsonElement parent, string name, string entry) =>
            parent.TryGetProperty(name, out var element) ? Text(element, entry) : throw Fail(entry, "is required");

        public string? OptionalString(JsonElement parent, string name, string entry) =>
            parent.TryGetProperty(name, out var element) && element.ValueKind != JsonValueKind.Null ? Text(element, entry) : null;

        public JsonElement Array(JsonElement parent, string name, string entry)
        {
            if (!parent.TryGetProperty(name, out var element))
            {
                throw Fail(entry, "is required");
            }
            Expect(element, JsonValueKind.Array, entry);
            return element;
        }

        public DateOnly Date(JsonElement parent, string name, string entry)
        {
            var text = String(parent, name, entry);
            return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                ? date
                : throw Fail(entry, $"'{text}' is not a date like 2025-10-01");
        }

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };
    }
}
