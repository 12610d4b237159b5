using Hangfire;
using ServiceWindow.Persistence.Satisfaction;

namespace ServiceWindow.Host.Scheduling;

/// Sends the rating invitations of cases just completed and the reminders that fell due. Each message
/// goes once even when runs overlap on two hosts; keeping runs apart only saves the second one's work.
/// Stored jobs name this type: do not rename it.
public sealed class RatingInvitationJob(RatingInvitations invitations, ILogger<RatingInvitationJob> logger)
{
    public const string Id = "rating-invitations";

    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    [JobDisplayName("rating invitations")]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var (invited, reminded) = await invitations.RunAsync(cancellationToken);
        if (invited + reminded > 0)
        {
            logger.LogInformation("Ratings: {Invited} invitation(s) and {Reminded} reminder(s) queued", invited, reminded);
        }
    }
}
