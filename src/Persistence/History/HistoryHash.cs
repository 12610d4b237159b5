using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServiceWindow.Persistence.History;

/// The hash of one history entry: taken by the writer before the insert, and again by
/// verify-history from the stored columns. It agrees with the database function
/// `case_history_hash` (migration 0003), the schema's own statement of what an entry's hash
/// covers; a test holds the two together. Every write hashes its entries, so the text is
/// encoded straight into one pooled buffer rather than joined into a string first.
public static class HistoryHash
{
    public static string Compute(string? previousHash, Guid caseId, int sequence, string kind, string? actorId, DateTime atUtc,
        string? action, string? fromStage, string? toStage, string payloadText)
    {
        var utf8 = Encoding.UTF8;
        // The fixed-width parts (hash, id, sequence, instant) are ASCII and under 160 bytes together.
        var capacity = 160 + utf8.GetMaxByteCount((previousHash?.Length ?? 0) + kind.Length + (actorId?.Length ?? 0) + (action?.Length ?? 0)
            + (fromStage?.Length ?? 0) + (toStage?.Length ?? 0) + payloadText.Length);
        var buffer = ArrayPool<byte>.Shared.Rent(capacity);
        try
        {
            var length = 0;
            void Part(ReadOnlySpan<char> value, bool last = false)
            {
                length += utf8.GetBytes(value, buffer.AsSpan(length));
                if (!last)
                {
                    buffer[length++] = (byte)'\n';
                }
            }
            var text = buffer.AsSpan();
            Part(previousHash);
            caseId.TryFormat(text[length..], out var written, "D");
            length += written;
            text[length++] = (byte)'\n';
            sequence.TryFormat(text[length..], out written, default, CultureInfo.InvariantCulture);
            length += written;
            text[length++] = (byte)'\n';
            Part(kind);
            Part(actorId);
            atUtc.TryFormat(text[length..], out written, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);
            length += written;
            text[length++] = (byte)'\n';
            Part(action);
            Part(fromStage);
            Part(toStage);
            Part(payloadText, last: true);

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(text[..length], hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
