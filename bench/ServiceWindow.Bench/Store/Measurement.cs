using System.Diagnostics;

namespace ServiceWindow.Bench.Store;

/// Wall time and allocated bytes of one measured block. Allocation is the process total, because
/// the async code under test hops threads.
public readonly record struct Measurement(TimeSpan Elapsed, long AllocatedBytes)
{
    public static async Task<Measurement> OfAsync(Func<Task> work)
    {
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        await work();
        watch.Stop();
        return new Measurement(watch.Elapsed, GC.GetTotalAllocatedBytes(precise: true) - allocated);
    }

    public double PerSecond(int count) => count / Elapsed.TotalSeconds;
}
