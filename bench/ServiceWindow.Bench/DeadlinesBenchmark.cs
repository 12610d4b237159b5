using System.Diagnostics;
using ServiceWindow.Workflows.Calendar;
using ServiceWindow.Workflows.Clock;

namespace ServiceWindow.Bench;

/// `deadlines`: working-day deadlines (1wd..60wd) from random instants in 2024-2026 on cn-mainland, one thread.
/// Goal: at least 2 million per second without allocating per call.
internal static class DeadlinesBenchmark
{
    private const int Inputs = 4096;
    private const int CallsPerRound = 4_000_000;
    private const int Rounds = 5;

    public static int Run(string[] args)
    {
        var path = Machine.FindRepositoryFile(Path.Combine("workflows", "calendars", "cn-mainland.json"));
        var calendar = CalendarLoader.Load(Path.GetFileName(path), File.ReadAllText(path), TimeZoneInfo.FindSystemTimeZoneById);
        var random = new Random(42);
        var starts = new DateTimeOffset[Inputs];
        var limits = new TimeLimit[Inputs];
        var origin = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
        for (var i = 0; i < Inputs; i++)
        {
            starts[i] = origin.AddMinutes(random.Next(0, 60 * 24 * 365 * 3));
            limits[i] = TimeLimit.WorkingDays(random.Next(1, 61));
        }

        // Warm-up lets tiered compilation reach its optimised code before measuring.
        var sink = Loop(calendar, starts, limits, CallsPerRound / 2);
        var best = 0.0;
        var rates = new List<double>();
        long allocated = 0;
        for (var round = 0; round < Rounds; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            sink ^= Loop(calendar, starts, limits, CallsPerRound);
            var elapsed = Stopwatch.GetElapsedTime(started);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            var rate = CallsPerRound / elapsed.TotalSeconds;
            rates.Add(rate);
            best = Math.Max(best, rate);
        }
        rates.Sort();
        var perCall = (double)allocated / (CallsPerRound * (long)Rounds);
        Console.WriteLine($"deadlines: {Rounds} rounds x {CallsPerRound:N0} calls of DeadlineCalculator.Due (1wd..60wd), one thread");
        Console.WriteLine($"  median {rates[Rounds / 2] / 1e6:F2} M/s, best {best / 1e6:F2} M/s, {1e9 / rates[Rounds / 2]:F0} ns/call");
        Console.WriteLine($"  allocated {allocated:N0} bytes in total, {perCall:F4} bytes/call");
        Console.WriteLine($"  machine: {Machine.Describe()}");
        Console.WriteLine($"  (checksum {sink})");
        return rates[Rounds / 2] >= 2_000_000 && allocated == 0 ? 0 : 1;
    }

    private static long Loop(WorkingCalendar calendar, DateTimeOffset[] starts, TimeLimit[] limits, int calls)
    {
        long sink = 0;
        for (var i = 0; i < calls; i++)
        {
            var index = i & (Inputs - 1);
            var deadline = DeadlineCalculator.Due(calendar, starts[index], limits[index]);
            sink += deadline.Due.UtcTicks;
        }
        return sink;
    }
}
