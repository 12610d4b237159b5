using ServiceWindow.Bench;
using ServiceWindow.Bench.Statistics;
using ServiceWindow.Bench.Store;

// One subcommand per benchmark: `dotnet run -c Release --project bench/ServiceWindow.Bench -- <name>`.
// Each prints its figures and the machine it ran on.
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.Ordinal)
{
    ["deadlines"] = args => Task.FromResult(DeadlinesBenchmark.Run(args)),
    ["transitions"] = args => Task.FromResult(TransitionsBenchmark.Run(args)),
    ["store-intake"] = Done(StoreBenchmarks.IntakeAsync),
    ["store-sweep"] = Done(StoreBenchmarks.SweepAsync),
    ["store-quartz"] = Done(StoreBenchmarks.QuartzVersusSweepAsync),
    ["store-hangfire"] = HangfireVersusSweep.RunAsync,
    ["store"] = Done(StoreBenchmarks.AllAsync),
    ["store-intake-profile"] = Done(IntakeProfile.RunAsync),
    ["store-intake-concurrency"] = IntakeConcurrency.RunAsync,
    ["stats-scale-generate"] = Done(ScaleHistory.GenerateAsync),
    ["stats-scale-measure"] = ScaleFigures.RunAsync,
    ["stats-intake-ratio"] = ScaleFigures.IntakeRatioAsync,
    ["stats-scale-drop"] = Done(_ => ScaleDatabase.DropAsync()),
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: ServiceWindow.Bench <{string.Join("|", benchmarks.Keys)}> [options]");
    return 2;
}
return await run(args[1..]);

static Func<string[], Task<int>> Done(Func<string[], Task> benchmark) => async args =>
{
    await benchmark(args);
    return 0;
};
