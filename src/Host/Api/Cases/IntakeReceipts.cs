using System.Security.Cryptography;
using System.Text;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Users;

namespace ServiceWindow.Host.Api.Cases;

/// Case ids, receipt numbers and lookup secrets for new cases. A retried intake (same
/// Idempotency-Key from the same person) gets the same case id, so the same receipt and the same
/// secret: the secret is an HMAC of the case id under a server key, 60 bits, not derivable
/// without that key; only its SHA-256 is stored with the case.
public sealed class IntakeReceipts(ServerKeys keys, IWorkflowCatalog catalog)
{
    private const string KeyName = "lookup-secret";
    // Crockford's base 32: no I, L, O, U, so a secret read aloud or copied by hand stays unambiguous.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static Guid CaseId(string actorId, string? idempotencyKey)
    {
        if (idempotencyKey is null)
        {
            return Guid.NewGuid();
        }
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"intake\n{actorId}\n{idempotencyKey}"))[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x80); // version 8 (name-based, custom hash)
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes);
    }

    /// How many numbers a case can be given: one per 8 bytes of its hash.
    public const int NumberAttempts = 4;

    /// `yyyyMMdd-XXXXXX`: the acceptance day in the calendar's zone and six characters of the case
    /// id's hash; attempt n takes them from the hash's n-th 8 bytes, for when an earlier one is taken.
    public string Number(Guid caseId, DateTimeOffset now, int attempt = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(attempt, NumberAttempts);
        var day = TimeZoneInfo.ConvertTime(now, catalog.Calendar.TimeZone).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        return $"{day}-{Encode(SHA256.HashData(caseId.ToByteArray())[(attempt * 8)..], 6)}";
    }

    public async Task<string> SecretAsync(Guid caseId, CancellationToken cancellationToken = default)
    {
        var key = await keys.GetAsync(KeyName, cancellationToken);
        return Encode(HMACSHA256.HashData(key, caseId.ToByteArray()), 12);
    }

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret.Trim().ToUpperInvariant())));

    private static string Encode(byte[] bytes, int length)
    {
        var text = new StringBuilder(length);
        ulong bits = BitConverter.ToUInt64(bytes, 0);
        for (var i = 0; i < length; i++, bits >>= 5)
        {
            text.Append(Alphabet[(int)(bits & 31)]);
        }
        return text.ToString();
    }
}
