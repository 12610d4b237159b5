using System.Text.Json.Serialization;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Persistence.Cases;

// Serialization code generated at build time for what every write stores: no reflection and no
// per-type metadata built at run time. Nulls are left out, which the engine's records read back
// as null (no constructor parameter defaults to anything else).
[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CaseState))]
[JsonSerializable(typeof(HistoryPayload))]
[JsonSerializable(typeof(CommandOutcome))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class CaseJsonContext : JsonSerializerContext;
