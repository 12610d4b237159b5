using ServiceWindow.Persistence.Outbox;

namespace ServiceWindow.Host.Notifications;

/// Chooses the notification channel: `ServiceWindow:Notifications:Channel` = `log` (default),
/// `file` with `ServiceWindow:Notifications:FilePath`, or `sms` with the platform's address and
/// secret under `ServiceWindow:Notifications:Sms`. A channel registered before this runs (a test's)
/// is kept. The delivery reports' store and signature check are registered whatever the channel.
public static class NotificationSetup
{
    public static void AddNotifications(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection("ServiceWindow:Notifications");
        // Messages are written in the office's language: zh-CN unless the deployment says otherwise.
        var culture = System.Globalization.CultureInfo.GetCultureInfo(section["Culture"] ?? "zh-CN");
        services.AddSingleton<NotificationText>();
        services.AddSingleton<DeliveryReports>();
        var sms = SmsGatewayOptions.From(configuration);
        if (sms is not null)
        {
            services.AddSingleton(sms);
            services.AddSingleton(sp => new SmsSignature(sms.Secret, sp.GetRequiredService<TimeProvider>(), sms.MaxClockSkew));
            services.AddHttpClient(SmsGatewayChannel.HttpClientName, client => client.Timeout = sms.Timeout)
                // A redirect would turn the POST into a GET elsewhere: it is a failed attempt instead.
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        }
        if (services.Any(s => s.ServiceType == typeof(INotificationChannel)))
        {
            return;
        }
        switch (section["Channel"] ?? "log")
        {
            case "file":
                var path = section["FilePath"] is { Length: > 0 } configured
                    ? configured
                    : throw new InvalidOperationException("ServiceWindow:Notifications:FilePath is required for the file channel");
                services.AddSingleton<INotificationChannel>(sp => new FileNotificationChannel(path, sp.GetRequiredService<NotificationText>(), culture));
                break;
            case "log":
                services.AddSingleton<INotificationChannel>(sp => new LoggingNotificationChannel(
                    sp.GetRequiredService<NotificationText>(), culture, sp.GetRequiredService<ILogger<LoggingNotificationChannel>>()));
                break;
            case "sms":
                if (sms?.Url is null)
                {
                    throw new InvalidOperationException($"{SmsGatewayOptions.Section}:Url and :Secret are required for the sms channel");
                }
                services.AddSingleton<INotificationChannel>(sp => new SmsGatewayChannel(sp.GetRequiredService<IHttpClientFactory>(), sms,
                    sp.GetRequiredService<SmsSignature>(), sp.GetRequiredService<NotificationText>(), culture));
                break;
            case var other:
                throw new InvalidOperationException($"unknown notification channel '{other}' (expected log, file or sms)");
        }
    }
}
