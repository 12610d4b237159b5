using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServiceWindow.Persistence.History;

/// The hash of one history entry, rebuilt in the application from the stored columns. It must
/// agree with `case_history_hash` in migration 0003, which computes it on insert: the database
/// writes the chain, this side checks it without trusting the database's own function.
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
