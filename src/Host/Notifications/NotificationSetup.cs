using ServiceWindow.Persistence.Outbox;

namespace ServiceWindow.Host.Notifications;

/// Chooses the notification channel: `ServiceWindow:Notifications:Channel` = `log` (default) or
/// `file` with `ServiceWindow:Notifications:FilePath`. An SMS gateway registers its own
/// <see cref="INotificationChannel"/> before this runs.
public static class NotificationSetup
{
    public static void AddNotifications(IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(INotificationChannel)))
        {
            return;
        }
        var section = configuration.GetSection("ServiceWindow:Notifications");
        // Messages are written in the office's language: zh-CN unless the deployment says otherwise.
        var culture = System.Globalization.CultureInfo.GetCultureInfo(section["Culture"] ?? "zh-CN");
        services.AddSingleton<NotificationText>();
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
            case var other:
                throw new InvalidOperationException($"unknown notification channel '{other}' (expected log or file)");
        }
    }
}
