namespace ServiceWindow.Host.Health;

/// Requests still running <see cref="Grace"/> after the host began to stop are answered 503
/// (<see cref="HostStoppingException"/>) and their work is cancelled. Kestrel waits for running
/// requests only until the shutdown limit (6 s) and then resets their connections, which a client
/// cannot tell from a lost answer; a request held by a hung database would otherwise meet that.
public sealed class StoppingRequests : IMiddleware, IDisposable
{
    /// Long enough for any request that is not stuck, and 3 s short of the 6 s limit, so the 503
    /// is written also on a busy machine.
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(3);

    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenRegistration registration;

    public StoppingRequests(IHostApplicationLifetime lifetime)
    {
        ArgumentNullException.ThrowIfNull(lifetime);
        registration = lifetime.ApplicationStopping.Register(() => stopping.CancelAfter(Grace));
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var aborted = context.RequestAborted;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping.Token);
        context.RequestAborted = linked.Token;
        try
        {
            var handling = next(context);
            try
            {
                await handling.WaitAsync(stopping.Token);
            }
            catch (OperationCanceledException e) when (stopping.IsCancellationRequested && !aborted.IsCancellationRequested
                                                       && !context.Response.HasStarted)
            {
                // Cancellation does not reach every wait: a hung database answers not even the
                // driver's cancel request. The work is left to end with the process.
                _ = handling.ContinueWith(static t => t.Exception, CancellationToken.None,
                    TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                throw new HostStoppingException(e);
            }
        }
        finally
        {
            context.RequestAborted = aborted;
        }
    }

    public void Dispose()
    {
        registration.Dispose();
        stopping.Dispose();
    }
}
