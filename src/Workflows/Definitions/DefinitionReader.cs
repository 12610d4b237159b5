using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Workflows.Definitions;

/// Walks a definition's JSON by hand so every type error carries its JSON path; collects problems
/// instead of stopping at the first one, so an administrator sees everything wrong in one run.
internal sealed class DefinitionReader(string file)
{
    private static readonly JsonNamingPolicy Camel = JsonNamingPolicy.CamelCase;

    public List<DefinitionProblem> Problems { get; } = [];

    public void Problem(string path, string problem) => Problems.Add(new DefinitionProblem(file, path, problem));

    /// Reports properties the reader does not know, so a typo ("tagret") is an error rather than ignored.
    public void RefuseUnknown(JsonElement element, string path, params string[] known)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is "$schema" or "note" || System.Array.IndexOf(known, property.Name) >= 0)
            {
                continue;
            }
            Problem($"{path}.{property.Name}", $"unknown property '{property.Name}' (expected one of: {string.Join(", ", known)})");
        }
    }

    public bool IsObject(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }
        Problem(path, $"must be an object, not {Describe(element)}");
        return false;
    }

    public JsonElement? Property(JsonElement parent, string name, string path, bool required)
    {
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return value;
        }
        if (required)
        {
            Problem($"{path}.{name}", "is required");
        }
        return null;
    }

    public string? String(JsonElement parent, string name, string path, bool required = true)
    {
        if (Property(parent, name, path, required) is not { } value)
        {
            return null;
        }
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(value.GetString()))
        {
            Problem($"{path}.{name}", $"must be a non-empty string, not {Describe(value)}");
            return null;
        }
        return value.GetString();
    }

    public bool? Boolean(JsonElement parent, string name, string path, bool required = true)
    {
        if (Property(parent, name, path, required) is not { } value)
        {
            return null;
        }
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }
        Problem($"{path}.{name}", $"must be true or false, not {Describe(value)}");
        return null;
    }

    public int? PositiveInteger(JsonElement parent, string name, string path)
    {
        if (Property(parent, name, path, required: true) is not { } value)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0)
        {
            return number;
        }
        Problem($"{path}.{name}", $"must be a positive whole number, not {Describe(value)}");
        return null;
    }

    public int? Count(JsonElement parent, string name, string path, int min, int max)
    {
        if (Property(parent, name, path, required: false) is not { } value)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= min && number <= max)
        {
            return number;
        }
        Problem($"{path}.{name}", $"must be a whole number from {min} to {max}, not {Describe(value)}");
        return null;
    }

    public TimeLimit? Limit(JsonElement parent, string name, string path, bool required = true)
    {
        var text = String(parent, name, path, required);
        if (text is null)
        {
            return null;
        }
        if (TimeLimit.TryParse(text, out var limit))
        {
            return limit;
        }
        Problem($"{path}.{name}", $"'{text}' is not a time limit (write e.g. 5wd, 30d, 2wh, 0wd)");
        return null;
    }

    /// Enum values are written camelCase in files (`requestSupplement`, `statutoryRed`).
    public TEnum? Enum<TEnum>(JsonElement parent, string name, string path, bool required = true)
        where TEnum : struct, Enum
    {
        var text = String(parent, name, path, required);
        if (text is null)
        {
            return null;
        }
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (Camel.ConvertName(value.ToString()) == text)
            {
                return value;
            }
        }
        var allowed = System.Enum.GetValues<TEnum>().Select(v => Camel.ConvertName(v.ToString()));
        Problem($"{path}.{name}", $"'{text}' is not one of: {string.Join(", ", allowed)}");
        return null;
    }

    public LocalizedText? Text(JsonElement parent, string name, string path)
    {
        if (Property(parent, name, path, required: true) is not { } value)
        {
            return null;
        }
        var here = $"{path}.{name}";
        if (!IsObject(value, here))
        {
            return null;
        }
        RefuseUnknown(value, here, "zh", "en");
        var zh = String(value, "zh", here);
        var en = String(value, "en", here);
        return zh is null || en is null ? null : new LocalizedText(zh, en);
    }

    /// Reads an optional array; each element goes through <paramref name="read"/>, which may return null
    /// after reporting a problem.
    public List<T> Array<T>(JsonElement parent, string name, string path, Func<JsonElement, string, T?> read, bool required = false)
        where T : class
    {
        var items = new List<T>();
        if (Property(parent, name, path, required) is not { } value)
        {
            return items;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            Problem($"{path}.{name}", $"must be an array, not {Describe(value)}");
            return items;
        }
        var index = 0;
        foreach (var element in value.EnumerateArray())
        {
            if (read(element, $"{path}.{name}[{index}]") is { } item)
            {
                items.Add(item);
            }
            index++;
        }
        return items;
    }

    public List<string> Strings(JsonElement parent, string name, string path, bool required = false) =>
        Array(parent, name, path, (element, here) =>
        {
            if (element.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(element.GetString()))
            {
                return element.GetString();
            }
            Problem(here, $"must be a non-empty string, not {Describe(element)}");
            return null;
        }, required);

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => "null",
    };
}
