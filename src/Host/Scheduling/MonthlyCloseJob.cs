using Hangfire;
using Npgsql;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Months;

namespace ServiceWindow.Host.Scheduling;

/// Closes the month that just ended, at 01:00 on the 1st, office time. A host that was down at
/// 01:00 closes the month when it comes back (Hangfire's relaxed misfire handling runs a missed
/// occurrence once). Closing twice is a no-op; the lock only keeps two runs from racing.
/// Stored jobs name this type: do not rename it.
public sealed class MonthlyCloseJob(NpgsqlDataSource dataSource, IWorkflowCatalog catalog, TimeProvider clock, ILogger<MonthlyCloseJob> logger)
{
    public const string Id = "monthly-close";
    public const string Cron = "0 1 1 * *";

    [JobDisplayName("monthly close")]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var close = new MonthlyClose(dataSource, catalog, clock);
        var month = close.PreviousMonth();
        if (await close.CloseAsync(month, cancellationToken))
        {
            logger.LogInformation("Closed month {Month:yyyy-MM}", month);
        }
    }
}
