using ServiceWindow.Bench;

// One subcommand per benchmark; each prints its figures and the machine it ran on.
var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["deadlines"] = DeadlinesBenchmark.Run,
    ["transitions"] = TransitionsBenchmark.Run,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: ServiceWindow.Bench <{string.Join("|", benchmarks.Keys)}>");
    return 2;
}
return run(args[1..]);
