using System.Diagnostics;
using System.Globalization;
using Dapper;
using Npgsql;
using ServiceWindow.Persistence.Cases;
using ServiceWindow.Workflows.Engine;

namespace ServiceWindow.Bench.Store;

/// Where an intake's time goes: the same steps as `CaseCommands.OpenAsync`, timed one by one beside
/// the plain loop, with the process's and the server backends' CPU time, the execute without its
/// commit, the server's own time per statement (pg_stat_statements, which the server must preload)
/// and, with `--wal`, the WAL each writes. A measuring aid for the intake figure, not a figure itself.
public static class IntakeProfile
{
    private static readonly WorkflowEngine Engine = new();
    private static readonly BenchCatalog Catalog = new();

    public static async Task RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--intakes");
        var count = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 3_000;
        var wal = args.Contains("--wal");
        await using var dataSource = await BenchDatabase.CreateAsync();
        var clerk = Actor.Staff("clerk-1", "clerk");
        var statements = false;
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("create table bench_plain (id uuid primary key, payload jsonb not null, created_at timestamptz not null)");
            statements = await connection.ExecuteScalarAsync<bool>("select 'pg_stat_statements' = any(string_to_array(current_setting('shared_preload_libraries'), ','))");
            if (statements)
            {
                await connection.ExecuteAsync("create extension if not exists pg_stat_statements");
            }
        }
        string[] phases = ["engine", "mapping", "open", "write", "dispose"];
        var ticks = new long[phases.Length];
        long plainTicks = 0;

        async Task Intakes(int n, bool record)
        {
            for (var i = 0; i < n; i++)
            {
                var t0 = Stopwatch.GetTimestamp();
                var now = DateTimeOffset.UtcNow;
                var result = Engine.Open(Catalog.Latest(BenchCatalog.DefinitionId), Catalog.Calendar, Guid.NewGuid(), CaseCommand.Of("accept", clerk, 0), now);
                var t1 = Stopwatch.GetTimestamp();
                var change = TransitionMapping.ToChange(result, null, now);
                var t2 = Stopwatch.GetTimestamp();
                var connection = await dataSource.OpenConnectionAsync();
                var t3 = Stopwatch.GetTimestamp();
                await CaseWriter.WriteAsync(connection, null, change, null, CancellationToken.None);
                var t4 = Stopwatch.GetTimestamp();
                await connection.DisposeAsync();
                var t5 = Stopwatch.GetTimestamp();
                if (record)
                {
                    ticks[0] += t1 - t0; ticks[1] += t2 - t1; ticks[2] += t3 - t2; ticks[3] += t4 - t3; ticks[4] += t5 - t4;
                }
            }
        }
        async Task Plain(int n, bool record)
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var insert = new NpgsqlCommand("insert into bench_plain (id, payload, created_at) values ($1, $2::jsonb, $3)", connection);
            insert.Parameters.Add(new NpgsqlParameter { Value = Guid.Empty });
            insert.Parameters.Add(new NpgsqlParameter { Value = """{"stage": "review"}""" });
            insert.Parameters.Add(new NpgsqlParameter { Value = DateTime.UtcNow });
            var t0 = Stopwatch.GetTimestamp();
            for (var i = 0; i < n; i++)
            {
                insert.Parameters[0].Value = Guid.NewGuid();
                insert.Parameters[2].Value = DateTime.UtcNow;
                await insert.ExecuteNonQueryAsync();
            }
            if (record)
            {
                plainTicks += Stopwatch.GetTimestamp() - t0;
            }
        }

        {
            var now = DateTimeOffset.UtcNow;
            var sample = Engine.Open(Catalog.Latest(BenchCatalog.DefinitionId), Catalog.Calendar, Guid.NewGuid(), CaseCommand.Of("accept", clerk, 0), now);
            void Time(string name, Action action)
            {
                var warm = Stopwatch.GetTimestamp();
                while (Stopwatch.GetElapsedTime(warm).TotalMilliseconds < 1_000) action();
                var a = GC.GetAllocatedBytesForCurrentThread();
                var t = Stopwatch.GetTimestamp();
                for (var i = 0; i < 20_000; i++) action();
                var us = Stopwatch.GetElapsedTime(t).TotalMicroseconds / 20_000;
                Console.WriteLine($"  {name,-22}: {us,6:F2} µs {(GC.GetAllocatedBytesForCurrentThread() - a) / 20_000,6} B");
            }
            Time("engine open", () => Engine.Open(Catalog.Latest(BenchCatalog.DefinitionId), Catalog.Calendar, Guid.NewGuid(), CaseCommand.Of("accept", clerk, 0), now));
            Time("serialize state", () => CaseStateJson.Serialize(sample.State));
            Time("mapping", () => TransitionMapping.ToChange(sample, null, now));
            var change = TransitionMapping.ToChange(sample, null, now);
            Time("statement, new", () => CaseWriter.Append(new NpgsqlBatch(), change));
            var payload = change.History[0].PayloadJson;
            Time("jsonb text of payload", () => ServiceWindow.Persistence.History.JsonbText.Canonical(payload));
            Time("link history (hash)", () => change.LinkHistory());
            Time("deserialize state", () => CaseStateJson.Deserialize(change.Case.StateJson));
            Console.WriteLine($"  state {change.Case.StateJson.Length} chars, history payload {change.History[0].PayloadJson.Length}, notification {change.Notifications[0].DataJson.Length}");
        }
        // Without the commit: the batch inside a transaction that is rolled back, only the execute timed.
        long uncommittedIntake = 0, uncommittedPlain = 0;
        async Task Uncommitted(int n)
        {
            for (var i = 0; i < n; i++)
            {
                var now = DateTimeOffset.UtcNow;
                var change = TransitionMapping.ToChange(Engine.Open(Catalog.Latest(BenchCatalog.DefinitionId), Catalog.Calendar, Guid.NewGuid(), CaseCommand.Of("accept", clerk, 0), now), null, now);
                await using var connection = await dataSource.OpenConnectionAsync();
                await using (var begin = new NpgsqlCommand("begin", connection))
                {
                    await begin.ExecuteNonQueryAsync();
                }
                await using var batch = new NpgsqlBatch(connection);
                CaseWriter.Append(batch, change);
                var t0 = Stopwatch.GetTimestamp();
                await batch.ExecuteNonQueryAsync();
                uncommittedIntake += Stopwatch.GetTimestamp() - t0;
                await using var insert = new NpgsqlCommand("insert into bench_plain (id, payload, created_at) values ($1, $2::jsonb, $3)", connection);
                insert.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
                insert.Parameters.Add(new NpgsqlParameter { Value = """{"stage": "review"}""" });
                insert.Parameters.Add(new NpgsqlParameter { Value = DateTime.UtcNow });
                t0 = Stopwatch.GetTimestamp();
                await insert.ExecuteNonQueryAsync();
                uncommittedPlain += Stopwatch.GetTimestamp() - t0;
                await using (var rollback = new NpgsqlCommand("rollback", connection))
                {
                    await rollback.ExecuteNonQueryAsync();
                }
            }
        }
        await Uncommitted(500);
        uncommittedIntake = uncommittedPlain = 0;
        await Uncommitted(count);

        await Plain(1_000, false);
        await Intakes(2_000, false);
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            if (statements)
            {
                await connection.ExecuteAsync("select pg_stat_statements_reset()");
            }
        }
        var gc = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var allocated = GC.GetTotalAllocatedBytes(true);
        async Task<(long Records, long Fpi, decimal Bytes)> Wal()
        {
            await Task.Delay(11_000); // idle backends flush their statistics after 10 s
            await using var connection = await dataSource.OpenConnectionAsync();
            return await connection.QuerySingleAsync<(long, long, decimal)>("select wal_records, wal_fpi, wal_bytes from pg_stat_wal");
        }
        if (wal)
        {
            var w0 = await Wal();
            await Plain(1_000, false);
            var w1 = await Wal();
            await Intakes(1_000, false);
            var w2 = await Wal();
            Console.WriteLine($"WAL per plain insert: {(w1.Records - w0.Records) / 1000.0:F1} records, {(w1.Fpi - w0.Fpi) / 1000.0:F2} full pages, {(w1.Bytes - w0.Bytes) / 1000:F0} bytes");
            Console.WriteLine($"WAL per intake:       {(w2.Records - w1.Records) / 1000.0:F1} records, {(w2.Fpi - w1.Fpi) / 1000.0:F2} full pages, {(w2.Bytes - w1.Bytes) / 1000:F0} bytes");
        }
        // The server's side: CPU time of this database's backends, from the kernel's per-process
        // scheduler statistics (only when the server runs on this machine and they are readable).
        int[] backends;
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            backends = [.. await connection.QueryAsync<int>("select pid from pg_stat_activity where datname = current_database()")];
        }
        long ServerNanoseconds() => backends.Sum(pid =>
            File.Exists($"/proc/{pid}/schedstat") ? long.Parse(File.ReadAllText($"/proc/{pid}/schedstat").Split(' ')[0], CultureInfo.InvariantCulture) : 0);
        var process = Process.GetCurrentProcess();
        TimeSpan plainCpu = default, intakeCpu = default;
        long plainServer = 0, intakeServer = 0;
        for (var round = 0; round < 5; round++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var server = ServerNanoseconds();
            await Plain(count / 5, true);
            process.Refresh();
            plainCpu += process.TotalProcessorTime - cpu;
            plainServer += ServerNanoseconds() - server;
            cpu = process.TotalProcessorTime;
            server = ServerNanoseconds();
            await Intakes(count / 5, true);
            process.Refresh();
            intakeCpu += process.TotalProcessorTime - cpu;
            intakeServer += ServerNanoseconds() - server;
        }
        allocated = GC.GetTotalAllocatedBytes(true) - allocated;
        double Us(long t) => t * 1e6 / Stopwatch.Frequency / count;
        Console.WriteLine($"plain: {Us(plainTicks):F1} µs/insert");
        var total = ticks.Sum();
        for (var i = 0; i < phases.Length; i++)
        {
            Console.WriteLine($"intake {phases[i],-8}: {Us(ticks[i]),7:F1} µs");
        }
        Console.WriteLine($"intake total   : {Us(total),7:F1} µs  ratio {(double)plainTicks / total:F2}");
        Console.WriteLine($"client CPU: plain {plainCpu.TotalMicroseconds / count:F1} µs, intake {intakeCpu.TotalMicroseconds / count:F1} µs");
        Console.WriteLine(plainServer > 0
            ? $"server backends' CPU: plain {plainServer / 1000.0 / count:F1} µs, intake {intakeServer / 1000.0 / count:F1} µs"
            : "server backends' CPU: not readable here (/proc/<pid>/schedstat)");
        Console.WriteLine($"uncommitted execute: intake {Us(uncommittedIntake):F1} µs, plain {Us(uncommittedPlain):F1} µs");
        Console.WriteLine($"allocated (both loops): {allocated / count / 1024.0:F1} KiB per pair; GC gen0/1/2: {GC.CollectionCount(0) - gc.Item1}/{GC.CollectionCount(1) - gc.Item2}/{GC.CollectionCount(2) - gc.Item3}");
        if (!statements)
        {
            Console.WriteLine("  (server times need pg_stat_statements in shared_preload_libraries)");
            return;
        }
        await using (var connection = await dataSource.OpenConnectionAsync())
        {
            var rows = await connection.QueryAsync<(string Query, long Calls, double Mean, double Plan, long Plans)>(
                "select left(regexp_replace(query, '\\s+', ' ', 'g'), 70), calls, mean_exec_time * 1000, mean_plan_time * 1000, plans from pg_stat_statements where calls >= 100 order by calls desc, mean_exec_time desc limit 8");
            foreach (var (query, calls, mean, plan, plans) in rows)
            {
                Console.WriteLine($"  server {mean,7:F1} µs x {calls,6}, planned {plans} times {plan:F1} µs  {query}");
            }
        }
    }
}
