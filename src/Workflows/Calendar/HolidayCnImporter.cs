using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace ServiceWindow.Workflows.Calendar;

/// <summary>
/// Reads one year in the public holiday-cn JSON format (<c>year</c>, <c>papers</c>, <c>days[]</c> with
/// <c>name</c>, <c>date</c>, <c>isOffDay</c>). Consecutive days off with the same name become one holiday block.
/// </summary>
public static class HolidayCnImporter
{
    /// <summary>Parses <paramref name="json"/>; refuses an empty year and a year that contradicts itself.</summary>
    public static CalendarYear Parse(string fileName, string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new CalendarFormatException(fileName, $"line {e.LineNumber + 1}", $"not valid JSON: {e.Message}", e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("year", out var yearElement)
                || yearElement.ValueKind != JsonValueKind.Number || !yearElement.TryGetInt32(out var year)
                || year is < 1900 or > 9998)
            {
                throw new CalendarFormatException(fileName, "year", "a holiday-cn file needs a numeric year");
            }
            string? source = null;
            if (root.TryGetProperty("papers", out var papers) && papers.ValueKind == JsonValueKind.Array)
            {
                source = string.Join(" ", papers.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()));
            }
            if (!root.TryGetProperty("days", out var days) || days.ValueKind != JsonValueKind.Array)
            {
                throw new CalendarFormatException(fileName, "days", "a holiday-cn file needs a days array");
            }
            var entries = new List<ImportedDay>();
            var index = 0;
            foreach (var day in days.EnumerateArray())
            {
                var entry = $"days[{index++}]";
                if (day.ValueKind != JsonValueKind.Object
                    || !day.TryGetProperty("name", out var name) || name.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(name.GetString())
                    || !day.TryGetProperty("date", out var dateElement) || dateElement.ValueKind != JsonValueKind.String
                    || !day.TryGetProperty("isOffDay", out var off) || off.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    throw new CalendarFormatException(fileName, entry, "expected name, date and isOffDay");
                }
                if (!DateOnly.TryParseExact(dateElement.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw new CalendarFormatException(fileName, entry, $"'{dateElement.GetString()}' is not a date like 2025-10-01");
                }
                entries.Add(new ImportedDay(entry, name.GetString()!, date, off.GetBoolean()));
            }
            return ImportedDay.ToYear(fileName, year, entries, source);
        }
    }
}
