using System.Globalization;

namespace ServiceWindow.Host.Notifications;

/// `ServiceWindow:Notifications:Sms`: where messages are POSTed, the shared secret that signs both
/// directions, how long one POST may take, and how far a report's timestamp may be from our clock.
// A class, not a record: a record would print the secret in its ToString.
public sealed class SmsGatewayOptions
{
    public const string Section = "ServiceWindow:Notifications:Sms";

    // Below this a secret is guessable enough that signing it proves little.
    public const int MinSecretLength = 16;

    public SmsGatewayOptions(Uri? url, string secret, TimeSpan timeout, TimeSpan maxClockSkew)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        if (secret.Length < MinSecretLength)
        {
            throw new ArgumentException($"{Section}:Secret must be at least {MinSecretLength} characters", nameof(secret));
        }
        if (url is not null && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)))
        {
            throw new ArgumentException($"{Section}:Url must be an absolute http or https address", nameof(url));
        }
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(maxClockSkew, TimeSpan.Zero);
        Url = url;
        Secret = secret;
        Timeout = timeout;
        MaxClockSkew = maxClockSkew;
    }

    /// Null when only delivery reports are checked (the messages leave through another channel).
    public Uri? Url { get; }
    public string Secret { get; }
    public TimeSpan Timeout { get; }
    public TimeSpan MaxClockSkew { get; }

    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultMaxClockSkew = TimeSpan.FromMinutes(5);

    /// The configured options, or null when no secret is configured (no SMS platform at all).
    /// A setting that is there but wrong stops the host at start, naming the setting.
    public static SmsGatewayOptions? From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        if (section["Secret"] is not { Length: > 0 } secret)
        {
            return null;
        }
        Uri? url = null;
        if (section["Url"] is { Length: > 0 } text && !Uri.TryCreate(text, UriKind.Absolute, out url))
        {
            throw new InvalidOperationException($"{Section}:Url '{text}' is not an absolute address");
        }
        var timeout = Duration(section, "Timeout", DefaultTimeout);
        var maxClockSkew = Duration(section, "MaxClockSkew", DefaultMaxClockSkew);
        try
        {
            return new SmsGatewayOptions(url, secret, timeout, maxClockSkew);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException(e.Message, e);
        }
    }

    private static TimeSpan Duration(IConfigurationSection section, string key, TimeSpan fallback) =>
        section[key] switch
        {
            null or "" => fallback,
            var text when TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero => value,
            var text => throw new InvalidOperationException($"{Section}:{key} '{text}' is not a positive duration (e.g. 00:00:05)"),
        };
}
