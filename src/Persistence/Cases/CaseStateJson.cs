using System.Text.Json;
using System.Text.Json.Serialization;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Persistence.Cases;

/// How the engine's case state and history data are written to jsonb.
public static class CaseStateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static CaseState Deserialize(string json) =>
        JsonSerializer.Deserialize<CaseState>(json, Options) ?? throw new JsonException("case state is null");
}
