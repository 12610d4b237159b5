using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ServiceWindow.Host.Notifications;

/// The HMAC-SHA256 signature both directions of the SMS platform carry: the platform checks ours
/// on each message, we check its on each delivery report. The signed text is the Unix timestamp,
/// a dot, and the exact body bytes, so neither can be changed apart; a timestamp too far from our
/// clock is refused, which bounds how long a captured request can be replayed.
public sealed class SmsSignature
{
    public const string SignatureHeader = "X-ServiceWindow-Signature";
    public const string TimestampHeader = "X-ServiceWindow-Timestamp";
    private const string Scheme = "sha256=";

    private readonly byte[] key;
    private readonly TimeProvider clock;
    private readonly TimeSpan maxClockSkew;

    public SmsSignature(string secret, TimeProvider clock, TimeSpan maxClockSkew)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxClockSkew, TimeSpan.Zero);
        key = Encoding.UTF8.GetBytes(secret);
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
    }

    /// The timestamp header value for a request sent now.
    public string Timestamp() => clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// The signature header value: `sha256=` and the lowercase hex of the HMAC.
    public string Sign(string timestamp, ReadOnlySpan<byte> body) => Scheme + Convert.ToHexStringLower(Mac(timestamp, body));

    /// True when the signature is ours over this timestamp and body, and the timestamp is recent.
    public bool Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (timestamp is null || signature is null || !signature.StartsWith(Scheme, StringComparison.Ordinal)
            || timestamp.Length is 0 or > 12 || !timestamp.All(char.IsAsciiDigit)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        var age = clock.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds);
        if (age.Duration() > maxClockSkew)
        {
            return false;
        }
        byte[] claimed;
        try
        {
            claimed = Convert.FromHexString(signature.AsSpan(Scheme.Length));
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(claimed, Mac(timestamp, body));
    }

    private byte[] Mac(string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(timestamp + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return HMACSHA256.HashData(key, signed);
    }
}
