using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Bench.Store;

/// Intakes per second at 1, 4 and 16 connections beside single-row inserts at the same
/// concurrency (an Npgsql loop and `pgbench`), with the CPU time each operation costs the client
/// and the server. A ratio of rates moves with the disk's flush time; CPU per operation does not.
///
/// Server CPU is read from /proc: the postmaster's own and its reaped children's time plus every
/// live child's (backends, WAL writer, checkpointer), so backends that end during a run still count.
/// `--postmaster-pid` (or SERVICEWINDOW_BENCH_POSTMASTER_PID, which scripts/bench sets) names the cluster's postmaster; without it no
/// server figure is printed. `pgbench`'s own CPU is taken the same way, through a shell that waits for it.
public static class IntakeConcurrency
{
    private static readonly WorkflowEngine Engine = new();
    private static readonly BenchCatalog Catalog = new();

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = StoreBenchmarks.Option(args, "seconds", 10);
        var rounds = StoreBenchmarks.Option(args, "rounds", 2);
        var postmaster = StoreBenchmarks.Option(args, "postmaster-pid",
            int.TryParse(Environment.GetEnvironmentVariable("SERVICEWINDOW_BENCH_POSTMASTER_PID"), out var pid) ? pid : 0);
        var levels = (args.SkipWhile(a => a != "--connections").Skip(1).FirstOrDefault() ?? "1,4,16")
            .Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        await using var dataSource = await BenchDatabase.CreateAsync();
        var store = new CaseStore(dataSource);
        var commands = new CaseCommands(store, Catalog, Engine, TimeProvider.System);
        var clerk = Actor.Staff("clerk-1", "clerk");
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("create table bench_plain (id uuid primary key, payload jsonb not null, created_at timestamptz not null)");
        }

        async Task<long> Intakes(TimeSpan length)
        {
            var stop = Stopwatch.StartNew();
            long n = 0;
            while (stop.Elapsed < length)
            {
                await commands.OpenAsync(BenchCatalog.DefinitionId, Guid.NewGuid(), CaseCommand.Of("accept", clerk, 0));
                n++;
            }
            return n;
        }
        async Task<long> Plain(TimeSpan length)
        {
            var stop = Stopwatch.StartNew();
            long n = 0;
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var insert = new NpgsqlCommand("insert into bench_plain (id, payload, created_at) values ($1, $2::jsonb, $3)", connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.Empty });
            insert.Parameters.Add(new NpgsqlParameter { Value = """{"stage": "review"}""" });
            insert.Parameters.Add(new NpgsqlParameter { Value = DateTime.UtcNow });
            while (stop.Elapsed < length)
            {
                insert.Parameters[0].Value = Guid.NewGuid();
                insert.Parameters[2].Value = DateTime.UtcNow;
                await insert.ExecuteNonQueryAsync();
                n++;
            }
            return n;
        }

        // Warm-up: the JIT, the pool (16 connections) and the plan caches, until a pass compiles next to nothing.
        for (var pass = 0; pass < 8; pass++)
        {
            var compiled = JitInfo.GetCompiledMethodCount();
            await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Intakes(TimeSpan.FromSeconds(1)))));
            await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => Plain(TimeSpan.FromSeconds(1)))));
            if (JitInfo.GetCompiledMethodCount() - compiled <= 20)
            {
                break;
            }
        }

        Console.WriteLine($"intake at 1, 4 and 16 connections: {seconds} s per side, {rounds} alternating rounds; {Machine.Describe()}");
        Console.WriteLine("side               conns    ops/s   ratio   client µs/op   server µs/op   load");
        var length = TimeSpan.FromSeconds(seconds);
        foreach (var connections in levels)
        {
            var sums = new Dictionary<string, (long Ops, double Seconds, double Client, double Server)>(StringComparer.Ordinal);
            void Add(string side, long ops, double elapsed, double client, double server)
            {
                var s = sums.GetValueOrDefault(side);
                sums[side] = (s.Ops + ops, s.Seconds + elapsed, s.Client + client, s.Server + server);
            }
            for (var round = 0; round < rounds; round++)
            {
                foreach (var (side, loop) in new[] { ("intake", (Func<TimeSpan, Task<long>>)Intakes), ("npgsql plain", Plain) })
                {
                    var client = Process.GetCurrentProcess().TotalProcessorTime;
                    var server = ServerCpu(postmaster);
                    var watch = Stopwatch.StartNew();
                    var counts = await Task.WhenAll(Enumerable.Range(0, connections).Select(_ => Task.Run(() => loop(length))));
                    var elapsed = watch.Elapsed.TotalSeconds;
                    Add(side, counts.Sum(), elapsed, (Process.GetCurrentProcess().TotalProcessorTime - client).TotalMicroseconds,
                        (ServerCpu(postmaster) - server).TotalMicroseconds);
                }
                var serverBefore = ServerCpu(postmaster);
                var (pgOps, pgSeconds, pgClient) = await PgbenchAsync(connections, seconds);
                Add("pgbench plain", pgOps, pgSeconds, pgClient.TotalMicroseconds, (ServerCpu(postmaster) - serverBefore).TotalMicroseconds);
            }
            var pgRate = sums["pgbench plain"].Ops / sums["pgbench plain"].Seconds;
            foreach (var (side, s) in sums)
            {
                var rate = s.Ops / s.Seconds;
                var serverPerOp = postmaster == 0 ? "–" : (s.Server / s.Ops).ToString("F0", CultureInfo.InvariantCulture);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{side,-18} {connections,5} {rate,8:F0} {rate / pgRate,7:F2} {s.Client / s.Ops,14:F0} {serverPerOp,14}   {Load()}"));
            }
        }
        return 0;
    }

    /// `pgbench` with bench/pgbench/plain.sql at the given concurrency for the given time: operations, seconds, its own CPU.
    private static async Task<(long Ops, double Seconds, TimeSpan Cpu)> PgbenchAsync(int connections, int seconds)
    {
        var server = new NpgsqlConnectionStringBuilder(BenchDatabase.ConnectionString());
        var script = Machine.FindRepositoryFile("bench/pgbench/plain.sql");
        // The shell's children's times (fields 16 and 17 of its stat) hold pgbench's once it has been waited for.
        var start = new ProcessStartInfo("sh", ["-c",
            $"pgbench -n -M prepared -c {connections} -j {Math.Min(connections, 2)} -T {seconds} -f '{script}' -h {server.Host} -p {server.Port} -U {server.Username} {server.Database}; cat /proc/$$/stat"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["PGPASSWORD"] = server.Password;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var processed = lines.FirstOrDefault(l => l.StartsWith("number of transactions actually processed:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"pgbench failed: {output}{errors}");
        var ops = long.Parse(processed.Split(':')[1].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        var stat = lines[^1].Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = long.Parse(stat[13], CultureInfo.InvariantCulture) + long.Parse(stat[14], CultureInfo.InvariantCulture);
        return (ops, seconds, TimeSpan.FromMilliseconds(ticks * 10));
    }

    /// CPU time of the cluster: the postmaster with its reaped children, plus every live child.
    internal static TimeSpan ServerCpu(int postmaster)
    {
        if (postmaster == 0)
        {
            return TimeSpan.Zero;
        }
        long ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }
            var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            // After the ")": state, ppid, ..., utime is field 14 of stat (index 11 here), stime 12, cutime 13, cstime 14.
            var parent = int.Parse(fields[1], CultureInfo.InvariantCulture);
            if (pid == postmaster)
            {
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)
                    + long.Parse(fields[13], CultureInfo.InvariantCulture) + long.Parse(fields[14], CultureInfo.InvariantCulture);
            }
            else if (parent == postmaster)
            {
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
        }
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";
}
