using Hangfire;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Persistence.Months;
using ServiceWindow.Persistence.Statistics;

namespace ServiceWindow.Host.Scheduling;

/// Ranks the windows of the month just closed, at 03:00 on the 1st, office time: two hours after the
/// month close. If the close has not happened yet the run fails and Hangfire retries it later. A rerun
/// finds the stored ranking and files no second interview. Stored jobs name this type: do not rename it.
public sealed class MonthlyRankingJob(MonthlyRanking ranking, IWorkflowCatalog catalog, TimeProvider clock, ILogger<MonthlyRankingJob> logger)
{
    public const string Id = "monthly-ranking";
    public const string Cron = "0 3 1 * *";

    [JobDisplayName("monthly ranking")]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var month = MonthlyClose.PreviousMonth(clock.GetUtcNow(), catalog.Calendar.TimeZone);
        var result = await ranking.RankAsync(month, cancellationToken)
            ?? throw new InvalidOperationException($"{month:yyyy-MM} is not closed yet: the ranking waits for the month close");
        logger.LogInformation("Ranked {Windows} windows for {Month:yyyy-MM}; {Interviews} interview finding(s) filed",
            result.Report.Entries.Count, month, result.Interviews.Count(i => i.FindingId is not null));
    }
}
