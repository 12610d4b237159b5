using System.Text;
using System.Text.Json;

namespace ServiceWindow.Host.Workflows;

/// The line on which each JSON path of a document starts (`$.stages[2].id`), so a problem the
/// loader names by path can be shown at its line in the uploaded file. A path that is not in the
/// document (a missing property) takes its nearest ancestor's line.
public sealed class JsonLines
{
    private readonly Dictionary<string, int> lines;

    private JsonLines(Dictionary<string, int> lines) => this.lines = lines;

    /// Null when the text is not JSON (the loader then names the line itself).
    public static JsonLines? Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var bytes = Encoding.UTF8.GetBytes(json.TrimStart('\uFEFF'));
        var counted = 0;
        var line = 1;
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        // Per open container: its path, and for an array the index of the next element.
        var containers = new Stack<(string Path, int NextIndex, bool IsArray)>();
        string? pendingProperty = null;
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            while (reader.Read())
            {
                // Token starts only grow, so the newlines are counted once over the whole text.
                for (; counted < reader.TokenStartIndex; counted++)
                {
                    if (bytes[counted] == (byte)'\n')
                    {
                        line++;
                    }
                }
                if (reader.TokenType == JsonTokenType.PropertyName)
                {
                    pendingProperty = $"{containers.Peek().Path}.{reader.GetString()}";
                    found.TryAdd(pendingProperty, line);
                    continue;
                }
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
                {
                    containers.Pop();
                    continue;
                }
                string path;
                if (pendingProperty is not null)
                {
                    path = pendingProperty;
                    pendingProperty = null;
                }
                else if (containers.Count > 0 && containers.Peek().IsArray)
                {
                    var array = containers.Pop();
                    path = $"{array.Path}[{array.NextIndex}]";
                    containers.Push(array with { NextIndex = array.NextIndex + 1 });
                }
                else
                {
                    path = "$";
                }
                found.TryAdd(path, line);
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    containers.Push((path, 0, reader.TokenType == JsonTokenType.StartArray));
                }
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return new JsonLines(found);
    }

    public int LineOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        for (var at = path; at.Length > 0; at = Parent(at))
        {
            if (lines.TryGetValue(at, out var line))
            {
                return line;
            }
        }
        return 1;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }
}
