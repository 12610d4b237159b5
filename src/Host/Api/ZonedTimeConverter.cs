using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceWindow.Host.Api;

/// Writes every instant in the calendar's time zone (`2026-12-01T17:00:00+08:00`), the way the
/// office reads its deadlines; reads any ISO 8601 offset.
public sealed class ZonedTimeConverter(TimeZoneInfo zone) : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        DateTimeOffset.Parse(reader.GetString() ?? throw new JsonException("an instant is required"), CultureInfo.InvariantCulture);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
}
