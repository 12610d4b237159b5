namespace ServiceWindow.Host.Calendars;

/// Every host takes up a calendar another host or `calendars import` published, within a minute;
/// the host that receives an upload has it at once.
public sealed class CalendarRefresh(DeploymentCalendar calendar, ILogger<CalendarRefresh> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await calendar.RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The calendar in force stays; the next tick asks again.
                logger.LogWarning("Calendar refresh failed: {Error}", e.Message);
            }
        }
    }
}
