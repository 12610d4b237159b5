using Microsoft.Extensions.Time.Testing;
using System.Text;
using ServiceWindow.Host.Notifications;

namespace ServiceWindow.Host.Tests.Notifications;

public sealed class SmsSignatureTests
{
    private const string Secret = "test-secret-0123456789";
    private const string Timestamp = "1764585600"; // 2025-12-01T10:40:00Z
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"messageId":42,"status":"delivered"}""");

    // openssl: printf '%s' '1764585600.{"messageId":42,"status":"delivered"}' | openssl dgst -sha256 -hmac 'test-secret-0123456789'
    private const string Expected = "sha256=e6b14f65b07ce655213de59f559ace4d7286ee9e18df6fc62586e1da3007c59f";

    private static SmsSignature At(DateTimeOffset now, string secret = Secret) => new(secret, new FakeTimeProvider(now), TimeSpan.FromMinutes(5));

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1764585600);

    [Fact]
    public void Sign_IsHmacSha256OverTimestampDotBody_WhenGivenAKnownVector()
    {
        Assert.Equal(Expected, At(SignedAt).Sign(Timestamp, Body));
    }

    [Fact]
    public void Timestamp_IsUnixSecondsOfTheClock_WhenAsked()
    {
        Assert.Equal(Timestamp, At(SignedAt.AddMilliseconds(999)).Timestamp());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-300)] // our clock five minutes behind the platform's
    [InlineData(300)] // five minutes after it was signed, the last second allowed
    public void Verify_Accepts_WhenSignatureMatchesWithinTheSkew(int secondsLater)
    {
        Assert.True(At(SignedAt.AddSeconds(secondsLater)).Verify(Timestamp, Expected, Body));
    }

    [Theory]
    [InlineData(301)] // replayed after the window
    [InlineData(-301)] // dated too far ahead
    public void Verify_Refuses_WhenTimestampIsStale(int secondsLater)
    {
        Assert.False(At(SignedAt.AddSeconds(secondsLater)).Verify(Timestamp, Expected, Body));
    }

    [Theory]
    [InlineData(Timestamp, "sha256=e6b14f65b07ce655213de59f559ace4d7286ee9e18df6fc62586e1da3007c59e")] // last digit changed
    [InlineData(Timestamp, "e6b14f65b07ce655213de59f559ace4d7286ee9e18df6fc62586e1da3007c59f")] // no scheme
    [InlineData(Timestamp, "sha256=not-hex")]
    [InlineData(Timestamp, "")]
    [InlineData(Timestamp, null)]
    [InlineData("1764585601", Expected)] // timestamp moved, body and signature kept
    [InlineData("+1764585600", Expected)]
    [InlineData("", Expected)]
    [InlineData(null, Expected)]
    public void Verify_Refuses_WhenSignatureOrTimestampIsWrong(string? timestamp, string? signature)
    {
        Assert.False(At(SignedAt).Verify(timestamp, signature, Body));
    }

    [Fact]
    public void Verify_Refuses_WhenBodyIsChanged()
    {
        var changed = Encoding.UTF8.GetBytes("""{"messageId":42,"status":"failed"}""");

        Assert.False(At(SignedAt).Verify(Timestamp, Expected, changed));
    }

    [Fact]
    public void Verify_Refuses_WhenSignedWithAnotherSecret()
    {
        Assert.False(At(SignedAt, "another-secret-0123456789").Verify(Timestamp, Expected, Body));
    }
}
