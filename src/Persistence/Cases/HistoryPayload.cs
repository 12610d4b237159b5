using System.Text.Json.Serialization;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Persistence.Cases;

/// The `payload` of a history entry: the event's data and the clock after it.
internal sealed record HistoryPayload(
    [property: JsonPropertyName("data")] IReadOnlyDictionary<string, string> Data,
    [property: JsonPropertyName("clock")] ClockSnapshot? Clock);
