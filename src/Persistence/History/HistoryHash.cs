using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServiceWindow.Persistence.History;

/// The hash of one history entry: taken by the writer before the insert, and again by
/// verify-history from the stored columns. It agrees with the database function
/// `case_history_hash` (migration 0003), the schema's own statement of what an entry's hash
/// covers; a test holds the two together.
public static class HistoryHash
{
    public static string Compute(string? previousHash, Guid caseId, int sequence, string kind, string? actorId, DateTime atUtc,
        string? action, string? fromStage, string? toStage, string payloadText)
    {
        var text = string.Join('\n',
            previousHash ?? "",
            caseId.ToString("D"),
            sequence.ToString(CultureInfo.InvariantCulture),
            kind,
            actorId ?? "",
            atUtc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            action ?? "",
            fromStage ?? "",
            toStage ?? "",
            payloadText);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
