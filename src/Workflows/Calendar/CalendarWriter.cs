using System;
using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ServiceWindow.Workflows.Calendar;

/// <summary>Writes a calendar in the file format <see cref="CalendarLoader"/> reads.</summary>
public static class CalendarWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Festival names stay readable Chinese in the file rather than \u escapes.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The calendar as file text, ending in a newline.</summary>
    public static string ToJson(WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("id", calendar.Id);
            if (calendar.Description is { } description)
            {
                writer.WriteString("description", description);
            }
            writer.WriteString("timeZone", calendar.TimeZone.Id);
            writer.WriteStartArray("weeklyDaysOff");
            foreach (var day in calendar.WeeklyDaysOff)
            {
                writer.WriteStringValue(day.ToString());
            }
            writer.WriteEndArray();
            writer.WriteStartArray("officeHours");
            foreach (var session in calendar.OfficeHours.Sessions)
            {
                writer.WriteStringValue(session.ToString());
            }
            writer.WriteEndArray();
            writer.WriteStartArray("years");
            foreach (var year in calendar.Years)
            {
                writer.WriteStartObject();
                writer.WriteNumber("year", year.Year);
                if (year.Source is { } source)
                {
                    writer.WriteString("source", source);
                }
                writer.WriteStartArray("holidays");
                foreach (var holiday in year.Holidays)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", holiday.Name);
                    writer.WriteString("from", holiday.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    writer.WriteString("to", holiday.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteStartArray("makeUpWorkdays");
                foreach (var makeUp in year.MakeUpWorkdays)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", makeUp.Name);
                    writer.WriteString("date", makeUp.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }
}
