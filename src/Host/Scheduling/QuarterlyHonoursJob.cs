using Hangfire;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Months;
using ServiceWindow.Persistence.Statistics;
using ServiceWindow.Workflows.Statistics;

namespace ServiceWindow.Host.Scheduling;

/// Awards the red-flag windows and service stars of the quarter just ended, at 04:00 on the 1st of
/// January, April, July and October, office time: after the month close and the monthly ranking. If a
/// month of the quarter is not closed yet the run fails and Hangfire retries it later. A rerun finds
/// the stored honours and circulates nothing again. Stored jobs name this type: do not rename it.
public sealed class QuarterlyHonoursJob(QuarterlyHonoursRegister register, IWorkflowCatalog catalog, TimeProvider clock, ILogger<QuarterlyHonoursJob> logger)
{
    public const string Id = "quarterly-honours";
    public const string Cron = "0 4 1 1,4,7,10 *";

    [JobDisplayName("quarterly honours")]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var quarter = StatisticsQuarter.Containing(MonthlyClose.PreviousMonth(clock.GetUtcNow(), catalog.Calendar.TimeZone));
        var honours = await register.AwardAsync(quarter, cancellationToken)
            ?? throw new InvalidOperationException($"{quarter} is not closed yet: the honours wait for the close of its three months");
        logger.LogInformation("Awarded {Quarter}: {Windows} red-flag window(s), {Stars} service star(s)",
            quarter, honours.RedFlagWindows.Count, honours.ServiceStars.Count);
    }
}
