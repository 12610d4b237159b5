using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ServiceWindow.Host.Notifications;

namespace ServiceWindow.Host.Tests.Notifications;

public sealed class SmsGatewayOptionsTests
{
    private const string Secret = "options-test-secret-0123456789";

    [Fact]
    public void From_ReturnsNothing_WhenNoSecretIsConfigured()
    {
        Assert.Null(SmsGatewayOptions.From(Configuration(("Url", "https://sms.example.gov.cn/send"))));
    }

    [Fact]
    public void From_UsesFiveSecondsAndFiveMinutes_WhenOnlyUrlAndSecretAreGiven()
    {
        var options = SmsGatewayOptions.From(Configuration(("Url", "https://sms.example.gov.cn/send"), ("Secret", Secret)))!;

        Assert.Equal((new Uri("https://sms.example.gov.cn/send"), TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5)),
            (options.Url, options.Timeout, options.MaxClockSkew));
    }

    [Fact]
    public void From_ReadsDurations_WhenConfigured()
    {
        var options = SmsGatewayOptions.From(Configuration(("Secret", Secret), ("Timeout", "00:00:02.500"), ("MaxClockSkew", "00:01:00")))!;

        Assert.Equal((null, TimeSpan.FromMilliseconds(2500), TimeSpan.FromMinutes(1)), (options.Url, options.Timeout, options.MaxClockSkew));
    }

    [Theory]
    [InlineData("Secret", "fifteen-chars..")] // one short of the minimum
    [InlineData("Url", "sms.example.gov.cn/send")]
    [InlineData("Url", "ftp://sms.example.gov.cn/send")]
    [InlineData("Timeout", "0")]
    [InlineData("Timeout", "five seconds")]
    [InlineData("MaxClockSkew", "-00:05:00")]
    public void From_Refuses_WhenASettingIsInvalid(string key, string value)
    {
        var settings = new Dictionary<string, string> { ["Url"] = "https://sms.example.gov.cn/send", ["Secret"] = Secret, [key] = value };

        var error = Assert.Throws<InvalidOperationException>(() => SmsGatewayOptions.From(Configuration(settings.Select(s => (s.Key, s.Value)).ToArray())));
        Assert.Contains($"ServiceWindow:Notifications:Sms:{key}", error.Message);
    }

    [Fact]
    public void AddNotifications_Refuses_WhenSmsChannelHasNoUrl()
    {
        var configuration = Configuration(("Secret", Secret));
        configuration["ServiceWindow:Notifications:Channel"] = "sms";

        var error = Assert.Throws<InvalidOperationException>(() => NotificationSetup.AddNotifications(new ServiceCollection(), configuration));
        Assert.Contains("ServiceWindow:Notifications:Sms:Url", error.Message);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s =>
            new KeyValuePair<string, string?>($"ServiceWindow:Notifications:Sms:{s.Key}", s.Value))).Build();
}
