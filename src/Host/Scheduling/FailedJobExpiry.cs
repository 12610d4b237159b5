using Hangfire.States;
using Hangfire.Storage;

namespace ServiceWindow.Host.Scheduling;

/// Hangfire keeps a failed job forever; ours are retried by the next run anyway (a timer or message
/// stays due in our tables), so a failure stays on the dashboard for a while and then goes.
public sealed class FailedJobExpiry(TimeSpan expiry) : IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        if (context.NewState is FailedState)
        {
            transaction.ExpireJob(context.BackgroundJob.Id, expiry);
        }
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
