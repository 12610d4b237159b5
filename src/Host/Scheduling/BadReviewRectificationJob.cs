using Hangfire;
using ServiceWindow.Persistence.Satisfaction;

namespace ServiceWindow.Host.Scheduling;

/// Opens the rectification case of each new bad review. A review gets one case however often, and on
/// however many hosts, this runs. Stored jobs name this type: do not rename it.
public sealed class BadReviewRectificationJob(BadReviewRectifications rectifications, ILogger<BadReviewRectificationJob> logger)
{
    public const string Id = "bad-review-rectifications";

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    [JobDisplayName("bad-review rectifications")]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var opened = await rectifications.RunAsync(cancellationToken);
        if (opened > 0)
        {
            logger.LogInformation("Bad reviews: {Opened} rectification case(s) opened", opened);
        }
    }
}
