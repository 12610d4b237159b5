using Hangfire;
using ServiceWindow.Persistence.Statistics;

namespace ServiceWindow.Host.Scheduling;

/// Brings the per-case statistics facts up to the history that grew since the last run, then stores
/// the live months' figures computed from them, so a command's cost does not grow with history and a
/// live report reads stored rows. Overlapping runs would only redo the same cases, so they are kept
/// apart. Stored jobs name this type: do not rename it.
public sealed class StatisticsProjectionJob(StatisticsProjector projector, LiveFigures live, ILogger<StatisticsProjectionJob> logger)
{
    public const string Id = "statistics-projection";

    [JobDisplayName("statistics projection")]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var projected = await projector.RunAsync(cancellationToken);
        if (projected > 0)
        {
            logger.LogInformation("Statistics: facts of {Cases} cases brought up to date", projected);
        }
        await live.RefreshAsync(cancellationToken);
    }
}
