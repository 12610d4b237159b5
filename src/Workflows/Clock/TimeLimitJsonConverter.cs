using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ServiceWindow.Workflows.Clock;

/// <summary>Reads and writes a <see cref="TimeLimit"/> as its short text (<c>"5wd"</c>).</summary>
public sealed class TimeLimitJsonConverter : JsonConverter<TimeLimit>
{
    /// <inheritdoc />
    public override TimeLimit Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"a time limit must be a string like \"5wd\", found {reader.TokenType}");
        }
        var text = reader.GetString();
        return TimeLimit.TryParse(text, out var limit)
            ? limit
            : throw new JsonException($"'{text}' is not a time limit: expected e.g. 5wd, 30d or 2wh");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TimeLimit value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
