using Npgsql;
using Quartz;
using ServiceWindow.Persistence.Months;

namespace ServiceWindow.Host.Scheduling;

/// Closes the month that just ended, at 01:00 on the 1st, office time. For now the close records
/// the history high-water mark and case counts; the monthly statistics are built on it later.
/// A host that was down at 01:00 closes the month when it comes back (fire-once-now misfire).
[DisallowConcurrentExecution]
public sealed class MonthlyCloseJob(NpgsqlDataSource dataSource, TimeProvider clock, ILogger<MonthlyCloseJob> logger) : IJob
{
    public static readonly JobKey Key = new("monthly-close", SchedulerSetup.Group);
    public const string Cron = "0 0 1 1 * ?";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var month = MonthlyClose.PreviousMonth(clock.GetUtcNow());
        if (await new MonthlyClose(dataSource, clock).CloseAsync(month, cancellationToken))
        {
            logger.LogInformation("Closed month {Month:yyyy-MM}", month);
        }
    }
}
