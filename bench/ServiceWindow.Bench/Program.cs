using ServiceWindow.Bench.Store;

// One subcommand per benchmark: `dotnet run -c Release --project bench/ServiceWindow.Bench -- <name>`.
var benchmarks = new Dictionary<string, Func<string[], Task>>(StringComparer.Ordinal)
{
    ["store-intake"] = StoreBenchmarks.IntakeAsync,
    ["store-sweep"] = StoreBenchmarks.SweepAsync,
    ["store-quartz"] = StoreBenchmarks.QuartzVersusSweepAsync,
    ["store"] = StoreBenchmarks.AllAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: ServiceWindow.Bench <{string.Join("|", benchmarks.Keys)}> [options]");
    return 2;
}
await run(args[1..]);
return 0;
