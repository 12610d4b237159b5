using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ServiceWindow.Persistence.History;

/// A JSON document as PostgreSQL prints it back from `jsonb`: object keys shortest first and then
/// by their UTF-8 bytes, a repeated key keeping its last value, `", "` and `": "` between items,
/// numbers as `numeric` prints them and strings escaped as `escape_json` does. A history entry's
/// hash is taken over this text, and the application computes the hash before the insert, so the
/// text it hashes must be the text `payload::text` gives back when the chain is verified.
/// Every history write passes through here, so text without escapes is copied as raw UTF-8.
public static class JsonbText
{
    private static readonly SearchValues<byte> NeedsEscape = SearchValues.Create(
        [(byte)'"', (byte)'\\', .. Enumerable.Range(0, 0x20).Select(b => (byte)b)]);

    public static string Canonical(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        var input = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(json.Length));
        var output = new ArrayBufferWriter<byte>(json.Length + json.Length / 4 + 16);
        try
        {
            var length = Encoding.UTF8.GetBytes(json, input);
            using var document = JsonDocument.Parse(input.AsMemory(0, length));
            Write(document.RootElement, output);
            return Encoding.UTF8.GetString(output.WrittenSpan);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    private static void Write(JsonElement element, ArrayBufferWriter<byte> output)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(element, output);
                break;
            case JsonValueKind.Array:
                Append(output, "["u8);
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        Append(output, ", "u8);
                    }
                    first = false;
                    Write(item, output);
                }
                Append(output, "]"u8);
                break;
            case JsonValueKind.String:
                var raw = JsonMarshal.GetRawUtf8Value(element);
                if (raw.IndexOf((byte)'\\') < 0)
                {
                    // Quotes included; nothing in it that jsonb would print differently.
                    Append(output, raw);
                }
                else
                {
                    WriteString(element.GetString()!, output);
                }
                break;
            case JsonValueKind.Number:
                WriteNumber(JsonMarshal.GetRawUtf8Value(element), output);
                break;
            default:
                // true, false and null print as they are written.
                Append(output, JsonMarshal.GetRawUtf8Value(element));
                break;
        }
    }

    private static void WriteObject(JsonElement element, ArrayBufferWriter<byte> output)
    {
        if (InCanonicalOrder(element))
        {
            WriteMembersAsWritten(element, output);
            return;
        }
        var members = new List<Member>();
        foreach (var property in element.EnumerateObject())
        {
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            members.Add(new Member(property, members.Count, raw.IndexOf((byte)'\\') < 0 ? null : Encoding.UTF8.GetBytes(property.Name)));
        }
        // Ties keep their written order, so the last of a repeated key is the one kept below.
        members.Sort(static (a, b) =>
        {
            ReadOnlySpan<byte> x = a.Key, y = b.Key;
            var order = x.Length != y.Length ? x.Length.CompareTo(y.Length) : x.SequenceCompareTo(y);
            return order != 0 ? order : a.Position.CompareTo(b.Position);
        });

        Append(output, "{"u8);
        var first = true;
        for (var i = 0; i < members.Count; i++)
        {
            if (i + 1 < members.Count && members[i + 1].Key.SequenceEqual(members[i].Key))
            {
                continue;
            }
            if (!first)
            {
                Append(output, ", "u8);
            }
            first = false;
            if (members[i].Unescaped is null)
            {
                Append(output, "\""u8);
                Append(output, members[i].Key);
                Append(output, "\""u8);
            }
            else
            {
                WriteString(members[i].Property.Name, output);
            }
            Append(output, ": "u8);
            Write(members[i].Property.Value, output);
        }
        Append(output, "}"u8);
    }

    // Most objects a writer produces need no sorting (their keys are few, or already in order):
    // those are copied member by member without collecting them first.
    private static bool InCanonicalOrder(JsonElement element)
    {
        var previous = ReadOnlySpan<byte>.Empty;
        var first = true;
        foreach (var property in element.EnumerateObject())
        {
            var key = JsonMarshal.GetRawUtf8PropertyName(property);
            if (key.IndexOf((byte)'\\') >= 0)
            {
                return false;
            }
            if (!first && (key.Length < previous.Length || (key.Length == previous.Length && key.SequenceCompareTo(previous) <= 0)))
            {
                return false;
            }
            previous = key;
            first = false;
        }
        return true;
    }

    private static void WriteMembersAsWritten(JsonElement element, ArrayBufferWriter<byte> output)
    {
        Append(output, "{"u8);
        var first = true;
        foreach (var property in element.EnumerateObject())
        {
            Append(output, first ? "\""u8 : ", \""u8);
            first = false;
            Append(output, JsonMarshal.GetRawUtf8PropertyName(property));
            Append(output, "\": "u8);
            Write(property.Value, output);
        }
        Append(output, "}"u8);
    }

    private static void WriteString(string value, ArrayBufferWriter<byte> output)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Append(output, "\""u8);
        ReadOnlySpan<byte> rest = bytes;
        while (rest.IndexOfAny(NeedsEscape) is var at and >= 0)
        {
            Append(output, rest[..at]);
            Append(output, rest[at] switch
            {
                (byte)'"' => "\\\""u8,
                (byte)'\\' => "\\\\"u8,
                (byte)'\b' => "\\b"u8,
                (byte)'\f' => "\\f"u8,
                (byte)'\n' => "\\n"u8,
                (byte)'\r' => "\\r"u8,
                (byte)'\t' => "\\t"u8,
                var control => Encoding.ASCII.GetBytes("\\u" + control.ToString("x4", CultureInfo.InvariantCulture)),
            });
            rest = rest[(at + 1)..];
        }
        Append(output, rest);
        Append(output, "\""u8);
    }

    // `numeric` keeps the digits and scale it was given; it has no negative zero and no exponent.
    private static void WriteNumber(ReadOnlySpan<byte> raw, ArrayBufferWriter<byte> output)
    {
        if (raw.IndexOfAny((byte)'e', (byte)'E') >= 0)
        {
            var value = decimal.Parse(Encoding.ASCII.GetString(raw), NumberStyles.Float, CultureInfo.InvariantCulture);
            Append(output, Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture)));
            return;
        }
        var negativeZero = raw[0] == (byte)'-' && raw[1..].IndexOfAnyExcept((byte)'0', (byte)'.') < 0;
        Append(output, negativeZero ? raw[1..] : raw);
    }

    private static void Append(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> bytes) => output.Write(bytes);

    /// An object member with the UTF-8 bytes of its name: the raw bytes when the name has no
    /// escapes, otherwise the unescaped name's.
    private readonly record struct Member(JsonProperty Property, int Position, byte[]? Unescaped)
    {
        public ReadOnlySpan<byte> Key => Unescaped ?? JsonMarshal.GetRawUtf8PropertyName(Property);
    }
}
