using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Persistence.Cases;

/// How the engine's case state and history data are written to jsonb. The store's own types use
/// the generated <see cref="CaseJsonContext"/>; anything else falls back to reflection.
public static class CaseStateJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(CaseJsonContext.Default, new DefaultJsonTypeInfoResolver()),
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static string Serialize(CaseState state) => JsonSerializer.Serialize(state, CaseJsonContext.Default.CaseState);

    public static CaseState Deserialize(string json) =>
        JsonSerializer.Deserialize(json, CaseJsonContext.Default.CaseState) ?? throw new JsonException("case state is null");

    internal static string Serialize(HistoryPayload payload) => JsonSerializer.Serialize(payload, CaseJsonContext.Default.HistoryPayload);

    internal static string Serialize(CommandOutcome outcome) => JsonSerializer.Serialize(outcome, CaseJsonContext.Default.CommandOutcome);

    internal static CommandOutcome DeserializeOutcome(string json) =>
        JsonSerializer.Deserialize(json, CaseJsonContext.Default.CommandOutcome) ?? throw new JsonException("stored outcome is null");

    internal static string Serialize(Dictionary<string, string> data) => JsonSerializer.Serialize(data, CaseJsonContext.Default.DictionaryStringString);
}
